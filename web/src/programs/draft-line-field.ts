import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import type { DraftLineError } from './draft-line-error';

/** A list line of the program editor that does not parse, put under its field (which line, in words) and scrolled to. */
export function markDraftLine(form: FormInstance, error: DraftLineError, t: TFunction) {
  const name = error.field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  form.setFields([{ name: name as never, errors: [t('programs.editor.invalidLine', { line: error.line })] }]);
  form.scrollToField(name);
}

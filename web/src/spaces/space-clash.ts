import type { FormInstance } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiRequestError } from '../api/api-request-error';
import { formatDayRange } from '../i18n/format-date';
import { useLocale } from '../i18n/locale-context';

type FieldName = (string | number)[];

const CLASH = /^(\S+) (\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})$/;

/** The server's SPACE_TAKEN detail, "DT-B 2027-01-01/2030-01-01": the space taken and the days it is taken. */
export function parseClash(detail: string | undefined): { code: string; from: string; to: string } | null {
  const m = detail ? CLASH.exec(detail) : null;
  return m ? { code: m[1]!, from: m[2]!, to: m[3]! } : null;
}

/**
 * When taking space is refused because some of it is already taken, says under the field at
 * fault which space and which days ("DT-A-1 在 2027年2月1日至7月31日 已被占用。") instead of
 * only that the space is taken. Runs after the form's own placing of the error, over it.
 */
export function useSpaceClashUnderField(form: FormInstance, error: unknown, fieldFor: (path: string) => FieldName | null) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  useEffect(() => {
    if (!isApiRequestError(error)) return;
    const placed = error.fields.flatMap((field) => {
      const clash = field.code === 'SPACE_TAKEN' ? parseClash(field.detail) : null;
      const name = clash ? fieldFor(field.path) : null;
      if (!clash || !name) return [];
      return [{ name, errors: [t('spaces.desk.spaceTaken', { code: clash.code, range: formatDayRange(clash.from, clash.to, locale) })] }];
    });
    if (placed.length) form.setFields(placed);
  }, [error, form, fieldFor, t, locale]);
}

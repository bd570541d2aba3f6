import type { FormInstance } from 'antd';
import type { FieldError } from '../../../contracts/errors';
import { isApiRequestError } from '../api/api-request-error';

type FieldName = (string | number)[];

/**
 * Puts each server field error (path "to.id", "source.url") under the nearest form field;
 * returns true when every one found a place, so no extra alert is needed.
 */
export function placeServerFieldErrors(
  form: FormInstance,
  error: unknown,
  fieldFor: (path: string) => FieldName | null,
  fieldText: (code: string) => string,
): boolean {
  if (!isApiRequestError(error) || error.fields.length === 0) return false;
  const placed: { name: FieldName; errors: string[] }[] = [];
  let unplaced = 0;
  for (const field of error.fields as FieldError[]) {
    const name = fieldFor(field.path);
    if (name) placed.push({ name, errors: [fieldText(field.code)] });
    else unplaced += 1;
  }
  form.setFields(placed);
  if (placed[0]) form.scrollToField(placed[0].name);
  return unplaced === 0;
}

/** The longest listed field name that is a prefix of the dotted path. */
export function nearestField(fields: FieldName[], path: string): FieldName | null {
  const parts = path.split('.');
  const matches = fields.filter((field) => field.every((part, index) => String(part) === parts[index]));
  return matches.sort((a, b) => b.length - a.length)[0] ?? null;
}

import { rowKeys } from './review-keys';

/**
 * One option of a choice field as a form row: its labels as typed; `key` is the option's
 * value (what answers store and rules compare): as loaded, or made when the row was added
 * (`newRowKey(rows, OPTION_KEY)`), and kept hidden.
 */
export type OptionRow = { key?: string; zh?: string; en?: string };

/** What a new option's value is made of: `option_3`. */
export const OPTION_KEY = 'option';

/** A choice's options as the contract has them: each row's value (its key) and labels as typed; the server checks the labels. */
export function optionsFrom(rows: readonly (OptionRow | undefined)[] | undefined): { value: string; label: { zh: string; en: string } }[] {
  const list = rows ?? [];
  const keys = rowKeys(list, OPTION_KEY);
  return list.map((row, i) => ({ value: keys[i]!, label: { zh: row?.zh?.trim() ?? '', en: row?.en?.trim() ?? '' } }));
}

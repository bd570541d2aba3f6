type Keyed = { key?: string } | undefined;

/**
 * A key for a rubric criterion or report row being added: `<prefix>_<n>`, from the row's
 * number up, the first that no row has. The row keeps it from then on (a hidden field), so
 * renaming the row never changes it: a tranche, stored scores and reports refer to it.
 */
export function newRowKey(rows: readonly Keyed[], prefix: string): string {
  return freeKey(taken(rows), prefix, rows.length + 1);
}

/** Each row's key: its own, or for a row that has none (values not made by the editor) a new one as `newRowKey` gives. */
export function rowKeys(rows: readonly Keyed[], prefix: string): string[] {
  const used = taken(rows);
  return rows.map((row, index) => {
    const own = row?.key?.trim();
    if (own) return own;
    const key = freeKey(used, prefix, index + 1);
    used.add(key);
    return key;
  });
}

const taken = (rows: readonly Keyed[]) => new Set(rows.map((row) => row?.key?.trim()).filter((key): key is string => Boolean(key)));

function freeKey(used: Set<string>, prefix: string, from: number): string {
  let n = from;
  while (used.has(`${prefix}_${n}`)) n++;
  return `${prefix}_${n}`;
}

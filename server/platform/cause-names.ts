import type { Db, Tx } from '../db/connection.js';

/** What a ledger cause is, in words: e.g. an application's program and applicant, and its short number. */
export type CauseName = { name: { zh: string; en: string }; number: string | null };
type Namer = (db: Db | Tx, hubId: string, ids: string[]) => Promise<Map<string, CauseName>>;

// The ledger records causes by type and id (rule 9: no personal data in the ledger); the
// module that owns a cause names it. Modules register here, so `budget` needs no import
// of the modules that cause its transfers (they import `budget`).
const namers = new Map<string, Namer>();

export function registerCauseNamer(type: string, namer: Namer): void {
  namers.set(type, namer);
}

/** Names for causes of any registered type, keyed `type:id`; unknown types and ids are left out. */
export async function nameCauses(db: Db | Tx, hubId: string, causes: readonly { type: string; id: string }[]): Promise<Map<string, CauseName>> {
  const byType = new Map<string, Set<string>>();
  for (const c of causes) (byType.get(c.type) ?? byType.set(c.type, new Set()).get(c.type)!).add(c.id);
  const out = new Map<string, CauseName>();
  for (const [type, ids] of byType) {
    const namer = namers.get(type);
    if (!namer) continue;
    for (const [id, name] of await namer(db, hubId, [...ids])) out.set(`${type}:${id}`, name);
  }
  return out;
}

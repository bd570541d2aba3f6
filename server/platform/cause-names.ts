import type { Db, Tx } from '../db/connection.js';

/** What a ledger cause is, in words: e.g. an application's program and applicant, and its short number. */
export type CauseName = { name: { zh: string; en: string }; number: string | null };
/** Names the causes of one type; `ids` are UUIDs (the registry leaves out any other cause id). */
type Namer = (db: Db | Tx, hubId: string, ids: string[]) => Promise<Map<string, CauseName>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The ledger records causes by type and id (rule 9: no personal data in the ledger); the
// module that owns a cause names it. Modules register here, so `budget` needs no import
// of the modules that cause its transfers (they import `budget`).
const namers = new Map<string, Namer>();

type Bilingual = { zh: string; en: string };

/** A grant's cause as the ledger names it: "<program> · <recipient>" in each language, the program alone when the recipient is unknown. */
export function grantName(program: Bilingual, recipient: Bilingual | undefined): Bilingual {
  return recipient ? { zh: `${program.zh} · ${recipient.zh}`, en: `${program.en} · ${recipient.en}` } : program;
}

export function registerCauseNamer(type: string, namer: Namer): void {
  namers.set(type, namer);
}

/**
 * Names for causes of any registered type, keyed `type:id`; unknown types and ids are left
 * out. Only UUIDs reach a namer: its tables key rows by uuid columns, which refuse other text.
 */
export async function nameCauses(db: Db | Tx, hubId: string, causes: readonly { type: string; id: string }[]): Promise<Map<string, CauseName>> {
  const byType = new Map<string, Set<string>>();
  for (const c of causes) if (UUID.test(c.id)) (byType.get(c.type) ?? byType.set(c.type, new Set()).get(c.type)!).add(c.id);
  const out = new Map<string, CauseName>();
  for (const [type, ids] of byType) {
    const namer = namers.get(type);
    if (!namer) continue;
    for (const [id, name] of await namer(db, hubId, [...ids])) out.set(`${type}:${id}`, name);
  }
  return out;
}

import { and, eq, inArray } from 'drizzle-orm';
import type { LedgerCause, LedgerTransferAccount } from '../../../contracts/budget.js';
import type { Db, Tx } from '../../db/connection.js';
import { nameCauses } from '../../platform/cause-names.js';
import type { AccountRow } from './accounts.js';
import { commitments, ledgerAccounts } from './budget.tables.js';
import type { TransferRow } from './ledger.js';

export type LedgerNames = { account: (id: string) => LedgerTransferAccount; cause: (c: { type: string; id: string } | null) => LedgerCause | null };

/**
 * The accounts and causes of some transfers in words: lines, envelope and treasury by their
 * names; an award account by what it is for (its commitment's cause, e.g. an application:
 * its program, applicant and short number, named by the module that owns it).
 */
export async function ledgerNames(db: Db | Tx, hubId: string, transfers: readonly TransferRow[]): Promise<LedgerNames> {
  const ids = [...new Set(transfers.flatMap((t) => [t.debitAccountId, t.creditAccountId]))];
  const accounts: AccountRow[] = ids.length
    ? await db
        .select()
        .from(ledgerAccounts)
        .where(and(eq(ledgerAccounts.hubId, hubId), inArray(ledgerAccounts.id, ids)))
    : [];
  const awardIds = accounts.filter((a) => a.kind === 'award').map((a) => a.id);
  const held = awardIds.length
    ? await db
        .selectDistinctOn([commitments.awardAccountId], { account: commitments.awardAccountId, type: commitments.causeType, id: commitments.causeId })
        .from(commitments)
        .where(and(eq(commitments.hubId, hubId), inArray(commitments.awardAccountId, awardIds)))
    : [];
  const causeOfAccount = new Map(held.map((h) => [h.account, { type: h.type, id: h.id }]));
  const causes = [...held, ...transfers.flatMap((t) => (t.causeType && t.causeId ? [{ type: t.causeType, id: t.causeId }] : []))];
  const names = await nameCauses(db, hubId, causes);
  const cause = (c: { type: string; id: string } | null): LedgerCause | null => {
    if (!c) return null;
    const named = names.get(`${c.type}:${c.id}`);
    return { type: c.type, id: c.id, name: named?.name ?? null, number: named?.number ?? null };
  };
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const account = (id: string): LedgerTransferAccount => {
    const a = byId.get(id);
    if (!a) return { id, code: '', kind: 'award', name: { zh: '账户', en: 'Account' }, cause: null };
    const held = cause(causeOfAccount.get(a.id) ?? null);
    const name = a.kind === 'award' && held?.name ? { zh: `资助：${held.name.zh}`, en: `Award: ${held.name.en}` } : { zh: a.nameZh, en: a.nameEn };
    return { id: a.id, code: a.code, kind: a.kind as LedgerTransferAccount['kind'], name, cause: held };
  };
  return { account, cause };
}

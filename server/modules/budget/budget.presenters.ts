import type { Envelope, LedgerAccount, LedgerTransfer } from '../../../contracts/budget.js';
import type { AccountRow, YearRow } from './accounts.js';
import type { TransferRow } from './ledger.js';
import type { LedgerNames } from './ledger-names.js';

export function presentAccount(a: AccountRow): LedgerAccount {
  return {
    id: a.id,
    kind: a.kind as LedgerAccount['kind'],
    code: a.code,
    name: { zh: a.nameZh, en: a.nameEn },
    debitsPending: a.debitsPending.toString(),
    debitsPosted: a.debitsPosted.toString(),
    creditsPending: a.creditsPending.toString(),
    creditsPosted: a.creditsPosted.toString(),
    available: (a.creditsPosted - a.debitsPosted - a.debitsPending).toString(),
  };
}

export function presentEnvelope(year: YearRow, accounts: AccountRow[], usage: Map<string, { committed: bigint; disbursed: bigint }>): Envelope {
  const envelope = accounts.find((a) => a.kind === 'envelope');
  return {
    year: year.year,
    status: year.status as Envelope['status'],
    revenue: year.revenueMinor.toString(),
    techShareBasisPoints: year.techShareBp,
    envelope: (envelope?.creditsPosted ?? 0n).toString(),
    unallocated: envelope ? (envelope.creditsPosted - envelope.debitsPosted - envelope.debitsPending).toString() : '0',
    lines: accounts
      .filter((a) => a.kind === 'budget_line')
      .map((a) => {
        const u = usage.get(a.id) ?? { committed: 0n, disbursed: 0n };
        return {
          ...presentAccount(a),
          committed: u.committed.toString(),
          disbursed: u.disbursed.toString(),
          free: (a.creditsPosted - a.debitsPosted - a.debitsPending).toString(),
        };
      }),
  };
}

export function presentTransfer(t: TransferRow, names: LedgerNames): LedgerTransfer {
  return {
    id: t.id,
    kind: t.kind as LedgerTransfer['kind'],
    reason: t.reason as LedgerTransfer['reason'],
    debitAccount: names.account(t.debitAccountId),
    creditAccount: names.account(t.creditAccountId),
    amount: t.amount.toString(),
    pendingId: t.pendingId,
    cause: names.cause(t.causeType && t.causeId ? { type: t.causeType, id: t.causeId } : null),
    note: t.note,
    createdAt: t.createdAt.toISOString(),
  };
}

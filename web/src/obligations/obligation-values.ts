import type { Obligation, ObligationInput } from '../../../contracts/obligations';
import { newRowKey, rowKeys } from '../programs/review-keys';

const OBLIGATION_KEY = 'obligation';

/** One obligation as the program editor's form holds it (numbers as typed text). */
export type ObligationRow = {
  key: string;
  kind: Obligation['kind'];
  months: string;
  from: Obligation['from'];
  rule: Obligation['recovery']['rule'];
  sharePercent?: string;
  minHeadcount?: string;
  supplierField?: string;
  exclusivePrograms?: string[];
  appealDays: string;
  repayDays: string;
};

const int = (text: string | undefined) => (text?.trim() ? Number(text.trim()) : null);

export function obligationRows(obligations: readonly Obligation[] | undefined): ObligationRow[] {
  return (obligations ?? []).map((o) => ({
    key: o.key,
    kind: o.kind,
    months: String(o.months),
    from: o.from,
    rule: o.recovery.rule,
    sharePercent: o.recovery.shareBasisPoints === null ? undefined : String(o.recovery.shareBasisPoints / 100),
    minHeadcount: o.minHeadcount === null ? undefined : String(o.minHeadcount),
    supplierField: o.supplierField ?? undefined,
    exclusivePrograms: o.exclusivePrograms,
    appealDays: String(o.appealDays),
    repayDays: String(o.repayDays),
  }));
}

/** The rows as the API takes them; the server checks them and names any field at fault. */
export function obligationsFromRows(rows: readonly ObligationRow[] | undefined): ObligationInput[] {
  const keys = rowKeys(rows ?? [], OBLIGATION_KEY);
  return (rows ?? []).map((r, i) => ({
    key: keys[i]!,
    kind: r.kind,
    months: int(r.months) ?? 0,
    from: r.from,
    minHeadcount: r.kind === 'keep_headcount' ? int(r.minHeadcount) : null,
    supplierField: r.kind === 'no_related_party' ? (r.supplierField ?? null) : null,
    exclusivePrograms: r.kind === 'no_double_subsidy' ? (r.exclusivePrograms ?? []) : [],
    recovery: { rule: r.rule, shareBasisPoints: r.rule === 'share' && r.sharePercent?.trim() ? Math.round(Number(r.sharePercent) * 100) : null },
    appealDays: int(r.appealDays) ?? 15,
    repayDays: int(r.repayDays) ?? 30,
  }));
}

/** A new row, with a key no row has (the key is never shown; findings and reports are stored under it). */
export const newObligationRow = (rows: readonly { key?: string }[]): ObligationRow => ({
  key: newRowKey(rows, OBLIGATION_KEY),
  kind: 'stay_registered',
  months: '60',
  from: 'award',
  rule: 'pro_rata',
  appealDays: '15',
  repayDays: '30',
});

import type { UsageRecordInput, UsageResult } from '../../../contracts/compute.js';
import type { FieldProblem } from '../../platform/errors.js';
import { admittedMilli, admittedProblems, hoursText, micros, milliOf } from './usage-limits.js';

/**
 * What a batch of usage records does, decided in memory from one snapshot of the
 * database (pure, no I/O): the service loads the snapshot with a handful of set-based
 * queries under row locks, and writes the plan in a handful more. The records apply in
 * their order, exactly as one by one: a record id seen before (stored, or earlier in the
 * batch) answers its first result; a new record of hours already metered for its request
 * is refused (`ALREADY_CLAIMED`); a correction pays (or takes back) only the difference,
 * and corrects a record at most once; each payment comes from the request's hold first,
 * then the voucher's free money, never past the firm's annual cap. A new record that does
 * not match its request (usage-limits.ts: outside its admitted hours, ending after now (give
 * or take a few minutes of clock skew), more GPU-hours than its GPUs over the period, above
 * the list price, or more GPU-hours in all than admitted, a correction counting instead of
 * the record it corrects) is a conflict: nothing is written. The clock is the caller's `now`.
 */
export type StoredRecord = {
  id: string;
  recordId: string;
  requestId: string;
  outcome: string;
  code: string | null;
  voucherPaid: bigint;
  /** GPU-hours as stored ("2.000"). */
  gpuHours: string;
};
export type PlanRequest = {
  id: string;
  status: string;
  flavorId: string | null;
  organizationId: string;
  voucherId: string | null;
  voucherHeld: bigint;
  domestic: boolean;
  gpus: number;
  /** The admitted hours [startAt, endAt): a preempted or cancelled request's up to its cut. */
  startAt: Date | null;
  endAt: Date | null;
  /** The flavor's list price per GPU-hour, fen. */
  price: bigint;
  /** Thousandths of GPU-hours its applied records bill now (a corrected record counts as its correction). */
  billedMilli: bigint;
};
export type PlanVoucher = {
  id: string;
  commitmentId: string;
  organizationId: string;
  year: number;
  granted: bigint;
  held: bigint;
  paid: bigint;
  domesticBasisPoints: number;
  otherBasisPoints: number;
};
export type PlanFirm = { cap: bigint; paid: bigint };
export type UsageSnapshot = {
  /** The reporting provider's requests named by the batch (others are not in its hub). */
  requests: Map<string, PlanRequest>;
  /** Stored records by the provider's record id: the batch's ids and the ids they correct. */
  stored: Map<string, StoredRecord>;
  /** Stored records a stored correction already corrects. */
  corrected: Set<string>;
  /** Per stored record: what it and the records it corrects paid in all. */
  chainPaid: Map<string, bigint>;
  /** Indexes of new records whose hours overlap an applied stored record of their request. */
  overlapsStored: Set<number>;
  vouchers: Map<string, PlanVoucher>;
  /** Firm years by `organizationId:year`. */
  firms: Map<string, PlanFirm>;
};
export type NewRecord = {
  index: number;
  record: UsageRecordInput;
  id: string;
  organizationId: string;
  outcome: 'applied' | 'refused';
  code: string | null;
  correctsId: string | null;
  paid: bigint;
  voucherId: string | null;
};
export type VoucherMove = { voucher: PlanVoucher; heldUsed: bigint; disbursed: bigint; clawedBack: bigint };
export type UsagePlan = {
  results: UsageResult[];
  rows: NewRecord[];
  vouchers: VoucherMove[];
  /** What each request's hold gave to payments. */
  heldUsed: Map<string, bigint>;
  firms: Map<string, bigint>;
};

const requestOf = (known: StoredRecord | NewRecord) => ('record' in known ? known.record.requestId : known.requestId);
const ADMITTED_ONCE = ['admitted', 'preempted', 'cancelled'];
const min = (a: bigint, b: bigint) => (a < b ? a : b);
export const firmKey = (organizationId: string, year: number) => `${organizationId}:${year}`;

/** The checks that need no order: each problem names the record's index and field. */
export function checkRecords(records: UsageRecordInput[], snapshot: UsageSnapshot): FieldProblem[] {
  const problems: FieldProblem[] = [];
  records.forEach((r, i) => {
    if (snapshot.stored.has(r.recordId)) return; // a replay is never re-checked
    const found = snapshot.requests.get(r.requestId);
    if (!found || !ADMITTED_ONCE.includes(found.status)) problems.push({ path: `records.${i}.requestId`, code: 'NOT_IN_HUB' });
    else if (found.flavorId !== r.flavorId) problems.push({ path: `records.${i}.flavorId`, code: 'INVALID' });
    if (Date.parse(r.endedAt) <= Date.parse(r.startedAt)) problems.push({ path: `records.${i}.endedAt`, code: 'ENDS_BEFORE_START' });
  });
  return problems;
}

type Interval = { s: number; e: number };
/** Applied hours of one request within the batch: originals never overlap each other, so sorted by start their ends are sorted too. */
type Claimed = { originals: Interval[]; corrections: Interval[] };

function overlapsClaimed(claimed: Claimed | undefined, s: number, e: number): boolean {
  if (!claimed) return false;
  const list = claimed.originals;
  // The last original starting before `e` ends latest of those that could overlap.
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.s < e) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && list[lo - 1]!.e > s) return true;
  return claimed.corrections.some((c) => c.s < e && c.e > s);
}

function claim(claimed: Claimed, interval: Interval, correction: boolean): void {
  if (correction) return void claimed.corrections.push(interval);
  const list = claimed.originals;
  let i = list.length;
  while (i > 0 && list[i - 1]!.s > interval.s) i--;
  list.splice(i, 0, interval);
}

/**
 * Plans the batch at `now`; `newId` gives each new record its id. Problems (a correction of an
 * unknown record or of another request's) or conflicts (records that do not match their
 * request) come back instead of a plan: nothing is written.
 */
export function planUsage(
  records: UsageRecordInput[],
  snapshot: UsageSnapshot,
  newId: () => string,
  now: Date,
):
  | { problems: FieldProblem[]; conflicts?: undefined }
  | { conflicts: FieldProblem[]; problems?: undefined }
  | { plan: UsagePlan; problems?: undefined; conflicts?: undefined } {
  const problems: FieldProblem[] = [];
  const conflicts: FieldProblem[] = [];
  const billed = new Map<string, bigint>(); // by request: thousandths of GPU-hours billed, with the batch's records so far
  const vouchers = new Map<string, VoucherMove>();
  const heldLeft = new Map<string, bigint>();
  const heldUsed = new Map<string, bigint>();
  const firms = new Map<string, bigint>();
  const firmPaid = new Map<string, bigint>();
  const results: UsageResult[] = [];
  const rows: NewRecord[] = [];
  const batch = new Map<string, NewRecord>(); // by record id
  const byId = new Map<string, NewRecord>(); // by usage id
  const correctedInBatch = new Set<string>();
  const claimed = new Map<string, Claimed>();

  /** What a record (stored or new) and the records it corrects paid in all. */
  const chainPaid = (id: string): bigint => {
    const fresh = byId.get(id);
    if (!fresh) return snapshot.chainPaid.get(id) ?? 0n;
    return fresh.paid + (fresh.correctsId ? chainPaid(fresh.correctsId) : 0n);
  };

  records.forEach((r, index) => {
    const stored = snapshot.stored.get(r.recordId);
    if (stored) return void results.push({ recordId: r.recordId, outcome: 'replayed', code: stored.code, voucherPaid: stored.voucherPaid.toString() });
    const earlier = batch.get(r.recordId);
    if (earlier) return void results.push({ recordId: r.recordId, outcome: 'replayed', code: earlier.code, voucherPaid: earlier.paid.toString() });
    const request = snapshot.requests.get(r.requestId)!;
    const target = r.corrects ? (batch.get(r.corrects) ?? snapshot.stored.get(r.corrects)) : undefined;
    if (r.corrects && (!target || requestOf(target) !== r.requestId)) {
      problems.push({ path: `records.${index}.corrects`, code: 'UNKNOWN_REF' });
      return;
    }
    const mismatch = admittedProblems(r, index, request, now);
    if (mismatch.length) return void conflicts.push(...mismatch);
    const corrected = target ? { id: target.id, outcome: target.outcome } : null;
    const s = micros(r.startedAt);
    const e = micros(r.endedAt);
    let outcome: 'applied' | 'refused' = 'applied';
    let code: string | null = null;
    if (corrected && (snapshot.corrected.has(corrected.id) || correctedInBatch.has(corrected.id))) [outcome, code] = ['refused', 'ALREADY_CORRECTED'];
    else if (!corrected && (snapshot.overlapsStored.has(index) || overlapsClaimed(claimed.get(r.requestId), s, e)))
      [outcome, code] = ['refused', 'ALREADY_CLAIMED'];
    if (outcome === 'applied') {
      // The request's GPU-hours in all: a correction counts instead of the (applied) record it corrects,
      // and one that lowers them is never refused for it.
      const before = billed.get(request.id) ?? request.billedMilli;
      const replaced = target && corrected?.outcome === 'applied' ? milliOf('record' in target ? target.record.gpuHours : target.gpuHours) : 0n;
      const after = before - replaced + milliOf(r.gpuHours);
      const admitted = admittedMilli(request);
      if (after > admitted && after > before)
        return void conflicts.push({
          path: `records.${index}.gpuHours`,
          code: 'GPU_HOURS_OVER_ADMITTED',
          detail: `${hoursText(admitted - before + replaced)} of the ${hoursText(admitted)} GPU-hours admitted left to bill`,
        });
      billed.set(request.id, after);
    }
    let paid = 0n;
    const voucher = request.voucherId ? snapshot.vouchers.get(request.voucherId) : undefined;
    if (outcome === 'applied') {
      if (corrected) correctedInBatch.add(corrected.id);
      const list = claimed.get(r.requestId) ?? { originals: [], corrections: [] };
      claimed.set(r.requestId, list);
      claim(list, { s, e }, Boolean(corrected));
      if (voucher) {
        const move = vouchers.get(voucher.id) ?? { voucher: { ...voucher }, heldUsed: 0n, disbursed: 0n, clawedBack: 0n };
        vouchers.set(voucher.id, move);
        const v = move.voucher;
        const key = firmKey(v.organizationId, v.year);
        const firm = snapshot.firms.get(key)!;
        const fPaid = firmPaid.get(key) ?? firm.paid;
        const alreadyPaid = corrected?.outcome === 'applied' ? chainPaid(corrected.id) : 0n;
        const due = (BigInt(r.cost) * BigInt(request.domestic ? v.domesticBasisPoints : v.otherBasisPoints)) / 10_000n - alreadyPaid;
        if (due < 0n) {
          const back = min(-due, alreadyPaid);
          v.paid -= back;
          firmPaid.set(key, fPaid - back);
          move.clawedBack += back;
          paid = -back;
        } else {
          const hold = heldLeft.get(request.id) ?? request.voucherHeld;
          const fromHold = min(due, hold);
          const pay = min(min(due, fromHold + (v.granted - v.held - v.paid)), firm.cap - fPaid);
          if (pay > 0n) {
            const used = min(fromHold, pay);
            v.held -= used;
            v.paid += pay;
            move.heldUsed += used;
            move.disbursed += pay;
            firmPaid.set(key, fPaid + pay);
            heldLeft.set(request.id, hold - used);
            heldUsed.set(request.id, (heldUsed.get(request.id) ?? 0n) + used);
            paid = pay;
          }
        }
      }
    }
    const row: NewRecord = {
      index,
      record: r,
      id: newId(),
      organizationId: request.organizationId,
      outcome,
      code,
      correctsId: outcome === 'applied' ? (corrected?.id ?? null) : null,
      paid,
      voucherId: paid !== 0n ? voucher!.id : null,
    };
    rows.push(row);
    batch.set(r.recordId, row);
    byId.set(row.id, row);
    results.push({ recordId: r.recordId, outcome, code, voucherPaid: paid.toString() });
  });
  // A conflict first: a correction of a record refused here is unknown only because of it.
  if (conflicts.length) return { conflicts };
  if (problems.length) return { problems };
  for (const [key, paid] of firmPaid) firms.set(key, paid - snapshot.firms.get(key)!.paid);
  return { plan: { results, rows, vouchers: [...vouchers.values()], heldUsed, firms } };
}

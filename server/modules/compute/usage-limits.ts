import { COMPUTE_LIMITS, type UsageRecordInput } from '../../../contracts/compute.js';
import type { FieldProblem } from '../../platform/errors.js';

/**
 * What a usage record may bill, measured against the request it names (pure): a provider
 * meters what the hub admitted, nothing else. A record's period lies within the request's
 * admitted hours [start, end) (a preempted or cancelled request's up to its cut; one never
 * begun has none); its GPU-hours are at most the request's GPUs over that period; its cost
 * is at most its GPU-hours at the flavor's list price (the price the voucher's hold was
 * made at; a provider may bill less). Both limits are rounded up to the record's precision
 * (a thousandth of a GPU-hour, a fen), so the request's total is capped as well:
 * `admittedMilli`, against what its records already bill (`planUsage`). No tolerance:
 * the admitted hours are the reservation the provider was told of. And usage is metered
 * once it has happened: a record ends at most `COMPUTE_LIMITS.usageClockSkewMinutes`
 * after now (the provider's clock may run a little ahead of ours), else a voucher would
 * pay for hours that may never run.
 */
export type AdmittedRequest = { gpus: number; startAt: Date | null; endAt: Date | null; price: bigint };

/** An ISO instant in microseconds (PostgreSQL's precision), so in-batch overlaps agree with the database's. */
export function micros(iso: string): number {
  const m = /\.(\d+)/.exec(iso);
  const fraction = m ? m[1]! : '';
  const whole = Date.parse(fraction ? iso.replace(/\.\d+/, '') : iso);
  return whole * 1000 + Math.round(Number(`0.${fraction || '0'}`) * 1e6);
}

/** GPU-hours ("12.5", or "12.500" as stored) in thousandths. */
export function milliOf(gpuHours: string): bigint {
  const [whole, fraction = ''] = gpuHours.split('.');
  return BigInt(whole!) * 1000n + BigInt(fraction.padEnd(3, '0').slice(0, 3));
}

/** Thousandths of a GPU-hour as GPU-hours, for a detail ("1.02"). */
export function hoursText(milli: bigint): string {
  const fraction = (milli % 1000n).toString().padStart(3, '0').replace(/0+$/, '');
  return `${milli / 1000n}${fraction ? `.${fraction}` : ''}`;
}

const ceilDiv = (a: bigint, b: bigint) => (a + b - 1n) / b;
const MICROS_PER_MILLI_HOUR = 3_600_000n;

/** The GPU-hours the request was admitted for, in thousandths: its GPUs over its admitted hours. */
export function admittedMilli(request: AdmittedRequest): bigint {
  if (!request.startAt || !request.endAt || request.endAt <= request.startAt) return 0n;
  return (BigInt(request.gpus) * BigInt(request.endAt.getTime() - request.startAt.getTime())) / 3_600n;
}

const SKEW_MS = COMPUTE_LIMITS.usageClockSkewMinutes * 60_000;

/**
 * A record's problems against its request (period, not ending in the future, GPU-hours for
 * the period, cost at list price), each under its field; `now` is the service's clock.
 */
export function admittedProblems(record: UsageRecordInput, index: number, request: AdmittedRequest, now: Date): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const at = (field: string) => `records.${index}.${field}`;
  const s = micros(record.startedAt);
  const e = micros(record.endedAt);
  const from = request.startAt && request.endAt ? request.startAt.getTime() * 1000 : null;
  const to = request.startAt && request.endAt ? request.endAt.getTime() * 1000 : null;
  const window =
    from !== null && to !== null && to > from ? `admitted ${request.startAt!.toISOString()} to ${request.endAt!.toISOString()}` : 'no hours admitted';
  const startsOutside = from === null || to === null || to <= from || s < from || s >= to;
  const endsOutside = !startsOutside && e > to!;
  if (startsOutside) problems.push({ path: at('startedAt'), code: 'OUTSIDE_ADMITTED_WINDOW', detail: window });
  if (endsOutside) problems.push({ path: at('endedAt'), code: 'OUTSIDE_ADMITTED_WINDOW', detail: window });
  // Hours still to come are not metered yet, within the admitted ones too (they may be cut, or never run).
  const latest = now.getTime() + SKEW_MS;
  if (!endsOutside && e > latest * 1000)
    problems.push({
      path: at('endedAt'),
      code: 'IN_THE_FUTURE',
      detail: `at most ${new Date(latest).toISOString()}: now and ${COMPUTE_LIMITS.usageClockSkewMinutes} minutes for clocks that differ`,
    });
  const milli = milliOf(record.gpuHours);
  if (!startsOutside && !endsOutside) {
    const most = ceilDiv(BigInt(request.gpus) * BigInt(e - s), MICROS_PER_MILLI_HOUR);
    if (milli > most)
      problems.push({
        path: at('gpuHours'),
        code: 'GPU_HOURS_OVER_ADMITTED',
        detail: `at most ${hoursText(most)} GPU-hours: ${request.gpus} GPU(s) over this period`,
      });
  }
  const listed = ceilDiv(milli * request.price, 1000n);
  if (BigInt(record.cost) > listed)
    problems.push({
      path: at('cost'),
      code: 'COST_OVER_LIST_PRICE',
      detail: `at most ${listed} fen: ${hoursText(milli)} GPU-hours at ${request.price} fen each`,
    });
  return problems;
}

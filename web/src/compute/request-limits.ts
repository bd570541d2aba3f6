import { gpusAtOnceLimit } from '../../../contracts/compute';
import type { ComputeDashboard, ComputeFlavor } from '../api/compute.api';

type Quota = ComputeDashboard['quotas'][number];
const HOUR_MS = 3_600_000;

/** The company's quotas in force on `today` (UTC, as the server decides) for a choice of flavor: one flavor, or every domestic one. */
export function quotasFor(choice: string | undefined, quotas: Quota[], flavors: ComputeFlavor[], today: string): Quota[] {
  if (!choice) return [];
  const domestic = new Set(flavors.filter((f) => f.domestic).map((f) => f.id));
  const chosen = (q: Quota) => (choice === 'any_domestic' ? domestic.has(q.flavorId) : q.flavorId === choice);
  return quotas.filter((q) => chosen(q) && q.periodStart <= today && today < q.periodEnd);
}

/** The most GPUs at once these quotas allow; null when none applies or none has a ceiling. */
export function gpuLimitOf(quotas: Quota[]): number | null {
  const limit = Math.max(...quotas.map(gpusAtOnceLimit));
  return Number.isFinite(limit) ? limit : null;
}

/** What is wrong with GPUs x hours against the quotas, the admission engine's way: one quota must allow both. */
export function quotaProblem(quotas: Quota[], gpus: number, hours: number): { gpus: number; limit: number } | { need: number; left: number } | null {
  const whole = (n: number) => Number.isInteger(n) && n >= 1;
  if (quotas.length === 0 || !whole(gpus)) return null;
  const fits = quotas.filter((q) => gpus <= gpusAtOnceLimit(q));
  if (fits.length === 0) return { gpus, limit: gpuLimitOf(quotas)! };
  if (!whole(hours)) return null;
  const left = Math.max(...fits.map((q) => q.gpuHours - q.gpuHoursUsed));
  return gpus * hours > left ? { need: gpus * hours, left: Math.max(0, left) } : null;
}

/** Whole hours between when the job can start (not before now) and its deadline, counted as the server does. */
export function hoursBefore(deadline: Date, earliest: Date | undefined, now: Date): number {
  const start = Math.max(earliest?.getTime() ?? now.getTime(), now.getTime());
  return Math.floor(deadline.getTime() / HOUR_MS) - Math.floor(start / HOUR_MS);
}

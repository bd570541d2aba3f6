/**
 * Dominant Resource Fairness (Ghodsi et al., NSDI 2011) over GPU, CPU and memory, and
 * usage history decayed by a half-life. Pure: no I/O, no clock.
 *
 * Why a half-life and never zero: Kueue's default half-life of 0 silently turns history
 * off; Slurm's decay lets a project that ran hard last month stand behind one that did
 * not. Money is never decayed: quotas in GPU-hours and voucher caps are counted in full
 * elsewhere; decay only orders who goes first.
 */
export type Resources = { gpu: number; cpu: number; memory: number };
export const resourceKeys = ['gpu', 'cpu', 'memory'] as const;
export const zero = (): Resources => ({ gpu: 0, cpu: 0, memory: 0 });

export function add(a: Resources, b: Resources, times = 1): Resources {
  return { gpu: a.gpu + b.gpu * times, cpu: a.cpu + b.cpu * times, memory: a.memory + b.memory * times };
}

/** The largest share of any resource: the user's dominant share. Resources of total 0 are ignored. */
export function dominantShare(used: Resources, total: Resources, weight = 1): number {
  let share = 0;
  for (const k of resourceKeys) if (total[k] > 0) share = Math.max(share, used[k] / total[k]);
  return share / (weight > 0 ? weight : 1);
}

/**
 * Usage at `at` hours ago counts 2^(-at / halfLife). A half-life must be positive: a
 * zero would make every past hour count nothing (refused, not silently accepted).
 */
export function decayFactor(ageHours: number, halfLifeHours: number): number {
  if (!(halfLifeHours > 0)) throw new RangeError('half-life must be > 0');
  return Math.pow(2, -Math.max(0, ageHours) / halfLifeHours);
}

export type UsageSample = { endsAtHour: number; used: Resources };

/** Usage history (resource-hours, each sample at its end) decayed to `nowHour`. */
export function decayedUsage(samples: UsageSample[], nowHour: number, halfLifeHours: number): Resources {
  let out = zero();
  for (const s of samples) out = add(out, s.used, decayFactor(nowHour - s.endsAtHour, halfLifeHours));
  return out;
}

export type DrfUser = { id: string; demand: Resources; weight?: number };
export type DrfResult = { tasks: Map<string, number>; shares: Map<string, number> };

/**
 * The paper's progressive filling: repeatedly give one task to the user with the lowest
 * (weighted) dominant share whose next task still fits; stop when none fits.
 * Ties go to the user listed first.
 */
export function progressiveDrf(capacity: Resources, users: DrfUser[]): DrfResult {
  const used = new Map(users.map((u) => [u.id, zero()]));
  const tasks = new Map(users.map((u) => [u.id, 0]));
  let consumed = zero();
  const fits = (d: Resources) => resourceKeys.every((k) => consumed[k] + d[k] <= capacity[k] + 1e-9);
  const open = new Set(users.filter((u) => resourceKeys.some((k) => u.demand[k] > 0)).map((u) => u.id));
  for (;;) {
    let best: DrfUser | null = null;
    let bestShare = Infinity;
    for (const u of users) {
      if (!open.has(u.id)) continue;
      const s = dominantShare(used.get(u.id)!, capacity, u.weight);
      if (s < bestShare) [best, bestShare] = [u, s];
    }
    if (!best) break;
    if (!fits(best.demand)) {
      open.delete(best.id);
      continue;
    }
    consumed = add(consumed, best.demand);
    used.set(best.id, add(used.get(best.id)!, best.demand));
    tasks.set(best.id, tasks.get(best.id)! + 1);
  }
  return { tasks, shares: new Map(users.map((u) => [u.id, dominantShare(used.get(u.id)!, capacity, u.weight)])) };
}

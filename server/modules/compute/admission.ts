import { add, dominantShare, zero, type Resources } from './fair-share.js';
import type { Decision, Flavor, FlavorQuota, Queue, RefusalCode, Request, Snapshot, Workload } from './admission.types.js';

/**
 * The admission engine: a snapshot in, decisions out; no I/O, no clock. The service loads
 * the snapshot and applies the decisions in one transaction (the database's per-slot
 * counters guard capacity again, whatever the concurrency).
 *
 * Time is whole hours ("slots"); the snapshot plans `horizon` slots from `now`.
 * Per flavor and slot, three limits hold (Kueue's model):
 * - physical: GPUs in use <= the flavor's capacity that hour (maintenance lowers it);
 * - a queue's quota: its GPUs <= nominal + borrowing limit (null = no limit);
 * - its cohort's lending: every queue lends at most its lending limit of its nominal, so
 *   what queues use above their un-lendable part (nominal - lending limit) never exceeds
 *   the sum of the cohort's lending limits.
 * Order: priority class, then requests waiting longer than `guardSlots` (so a large gang
 * is not starved by small jobs), then the queue's weighted dominant share (DRF over GPU,
 * CPU and memory: decayed history plus what is admitted), then submission time.
 * A request starts at the earliest hour that fits; it is admitted when that is within
 * `lookaheadSlots` (or waiting longer would risk its deadline), else it waits with its
 * window held for the rest of the round, so later requests only backfill around it.
 * A request within its queue's nominal quota that only fits by taking back capacity
 * lent to other queues preempts their borrowed workloads, with `noticeSlots` notice.
 */

export type * from './admission.types.js';

type QState = { queue: Queue; use: Map<string, Int32Array>; share: Resources; hoursLeft: Map<string, number> };
type Pool = { lent: Int32Array; size: number };
type Live = Workload & { state: 'running' | 'gone' };

export class Planner {
  readonly H: number;
  readonly flavors = new Map<string, Flavor>();
  readonly phys = new Map<string, Int32Array>();
  readonly cap = new Map<string, Int32Array>();
  readonly queues = new Map<string, QState>();
  readonly pools = new Map<string, Pool>();
  /** Live borrowed workloads per lending pool: the only candidates for reclaiming. */
  readonly borrowedIn = new Map<Pool, Live[]>();
  /** Requests admitted in this round: their decision's index in the output. */
  readonly admittedNow = new Map<string, number>();
  readonly total: Resources;

  constructor(readonly s: Snapshot) {
    this.H = s.horizon;
    let total = zero();
    for (const f of s.flavors) {
      this.flavors.set(f.id, f);
      const cap = Int32Array.from({ length: this.H }, (_, i) => s.capacity[f.id]?.[i] ?? 0);
      this.cap.set(f.id, cap);
      this.phys.set(f.id, new Int32Array(this.H));
      const gpuHours = cap.reduce((a, b) => a + b, 0);
      total = add(total, { gpu: 1, cpu: f.cpuPerGpu, memory: f.memoryPerGpu }, gpuHours);
    }
    this.total = total;
    for (const q of s.queues) {
      const use = new Map<string, Int32Array>();
      const hoursLeft = new Map<string, number>();
      for (const [fid, quota] of Object.entries(q.quotas)) {
        use.set(fid, new Int32Array(this.H));
        hoursLeft.set(fid, quota.gpuHoursLeft);
        const pool = this.pool(q, fid);
        pool.size += lendable(quota);
      }
      this.queues.set(q.id, { queue: q, use, share: { ...q.history }, hoursLeft });
    }
    for (const w of s.workloads) {
      this.apply(this.track(w), Math.max(w.start, s.now), w.end, +1);
    }
  }

  /** Records a running workload; a borrowed one becomes a candidate for reclaiming in its pool. */
  track(w: Workload): Live {
    const live: Live = { ...w, state: 'running' };
    const qs = this.queues.get(w.queueId);
    if (w.borrowed && qs) {
      const pool = this.pool(qs.queue, w.flavorId);
      const list = this.borrowedIn.get(pool);
      if (list) list.push(live);
      else this.borrowedIn.set(pool, [live]);
    }
    return live;
  }

  private poolKey(q: Queue, fid: string) {
    return `${q.cohortId ?? `queue:${q.id}`}|${fid}`;
  }

  pool(q: Queue, fid: string): Pool {
    const key = this.poolKey(q, fid);
    let p = this.pools.get(key);
    if (!p) this.pools.set(key, (p = { lent: new Int32Array(this.H), size: 0 }));
    return p;
  }

  /** Adds (sign +1) or removes (-1) a workload's GPUs on [from, to), and its share. */
  apply(w: Workload, from: number, to: number, sign: 1 | -1) {
    const a = Math.max(0, from - this.s.now);
    const b = Math.min(this.H, to - this.s.now);
    const qs = this.queues.get(w.queueId);
    const phys = this.phys.get(w.flavorId);
    if (!qs || !phys || a >= b) return;
    const quota = qs.queue.quotas[w.flavorId];
    const use = qs.use.get(w.flavorId);
    const pool = quota ? this.pool(qs.queue, w.flavorId) : null;
    const guar = quota ? quota.nominal - lendable(quota) : 0;
    for (let t = a; t < b; t++) {
      phys[t] = phys[t]! + sign * w.gpus;
      if (use && pool) {
        const before = Math.max(0, use[t]! - guar);
        use[t] = use[t]! + sign * w.gpus;
        pool.lent[t] = pool.lent[t]! + Math.max(0, use[t]! - guar) - before;
      }
    }
    qs.share = add(qs.share, { gpu: w.gpus, cpu: w.cpus, memory: w.memory }, sign * (b - a));
  }

  /** The first slot (relative) in [a, a+len) where `g` more GPUs of queue q break a limit, or -1. */
  blocked(qs: QState, fid: string, g: number, a: number, len: number, withinNominal = false): number {
    const quota = qs.queue.quotas[fid]!;
    const phys = this.phys.get(fid)!;
    const cap = this.cap.get(fid)!;
    const use = qs.use.get(fid)!;
    const pool = this.pool(qs.queue, fid);
    const guar = quota.nominal - lendable(quota);
    const ceiling = withinNominal ? quota.nominal : quota.borrowingLimit === null ? Infinity : quota.nominal + quota.borrowingLimit;
    for (let t = a; t < a + len; t++) {
      const u = use[t]!;
      if (phys[t]! + g > cap[t]! || u + g > ceiling) return t;
      if (pool.lent[t]! + Math.max(0, u + g - guar) - Math.max(0, u - guar) > pool.size) return t;
    }
    return -1;
  }

  /** Earliest relative start in [from, last] where the request fits, or -1. */
  earliest(qs: QState, fid: string, g: number, len: number, from: number, last: number): number {
    for (let s = from; s <= last;) {
      const t = this.blocked(qs, fid, g, s, len);
      if (t < 0) return s;
      s = t + 1;
    }
    return -1;
  }

  shareOf(qs: QState) {
    return dominantShare(qs.share, this.total, qs.queue.weight);
  }
}

function lendable(q: FlavorQuota) {
  return Math.max(0, Math.min(q.nominal, q.lendingLimit ?? q.nominal));
}

/** Decides every pending request of the snapshot; see the file's header for the rules. */
export function admit(s: Snapshot): Decision[] {
  const p = new Planner(s);
  const out: Decision[] = [];
  const byQueue = new Map<string, Request[]>();
  for (const r of s.pending) {
    if (!p.queues.has(r.queueId)) {
      out.push({ kind: 'refuse', requestId: r.id, code: 'QUOTA_EXCEEDED' });
      continue;
    }
    const list = byQueue.get(r.queueId) ?? [];
    list.push(r);
    byQueue.set(r.queueId, list);
  }
  const heads = [...byQueue.entries()].map(([qid, list]) => {
    list.sort((a, b) => b.priority - a.priority || a.submitted - b.submitted || (a.id < b.id ? -1 : 1));
    return { qs: p.queues.get(qid)!, list, at: 0 };
  });
  const guarded = (r: Request) => s.now - r.submitted >= s.guardSlots;
  const key = (h: (typeof heads)[number]) => {
    const r = h.list[h.at]!;
    return [-r.priority, guarded(r) ? 0 : 1, p.shareOf(h.qs), r.submitted] as const;
  };
  const heap = new Heap(heads, (a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]!;
    return a.qs.queue.id < b.qs.queue.id;
  });
  while (heap.size > 0) {
    const h = heap.pop()!;
    decide(p, h.qs, h.list[h.at]!, out);
    if (++h.at < h.list.length) heap.push(h);
  }
  return out;
}

function decide(p: Planner, qs: QState, r: Request, out: Decision[]) {
  const s = p.s;
  const refuse = (code: RefusalCode) => out.push({ kind: 'refuse', requestId: r.id, code });
  const candidates = r.flavor === 'any_domestic' ? s.flavors.filter((f) => f.domestic).map((f) => f.id) : [r.flavor];
  if (r.flavor !== 'any_domestic' && !p.flavors.has(r.flavor)) return refuse('FLAVOR_UNKNOWN');
  const from = Math.max(r.earliest, s.now) - s.now;
  if (from + s.now + r.hours > r.deadline) return refuse('DEADLINE_PASSED');
  const allowed = candidates.filter((fid) => {
    const quota = qs.queue.quotas[fid];
    if (!quota) return false;
    const ceiling = quota.borrowingLimit === null ? Infinity : quota.nominal + quota.borrowingLimit;
    return r.gpus <= ceiling && r.gpus * r.hours <= qs.hoursLeft.get(fid)!;
  });
  if (allowed.length === 0) return refuse('QUOTA_EXCEEDED');
  const last = Math.min(r.deadline - s.now, p.H) - r.hours;
  let best: { fid: string; start: number } | null = null;
  for (const fid of allowed) {
    const start = from <= last ? p.earliest(qs, fid, r.gpus, r.hours, from, last) : -1;
    if (start >= 0 && (!best || start < best.start)) best = { fid, start };
  }
  const noticeFrom = Math.max(from, s.noticeSlots);
  if ((!best || best.start > noticeFrom) && noticeFrom <= last) {
    for (const fid of allowed) {
      if (reclaim(p, qs, r, fid, noticeFrom, out)) {
        best = { fid, start: noticeFrom };
        break;
      }
    }
  }
  if (!best) {
    // Beyond the horizon there may still be room; inside it, there is none before the deadline.
    if (r.deadline - s.now > p.H) return out.push({ kind: 'wait', requestId: r.id, expectedStart: null });
    return refuse('NO_CAPACITY');
  }
  const flavor = p.flavors.get(best.fid)!;
  const w: Workload = {
    id: r.id,
    queueId: r.queueId,
    flavorId: best.fid,
    gpus: r.gpus,
    cpus: r.cpus ?? r.gpus * flavor.cpuPerGpu,
    memory: r.memory ?? r.gpus * flavor.memoryPerGpu,
    start: s.now + best.start,
    end: s.now + best.start + r.hours,
    borrowed: p.blocked(qs, best.fid, r.gpus, best.start, r.hours, true) >= 0,
    priority: r.priority,
  };
  const slack = last - best.start;
  if (best.start > s.lookaheadSlots && slack >= s.lookaheadSlots) {
    // Held for the rest of this round (physical capacity only), so smaller requests backfill around it.
    const phys = p.phys.get(best.fid)!;
    for (let t = best.start; t < best.start + r.hours; t++) phys[t] = phys[t]! + r.gpus;
    return out.push({ kind: 'wait', requestId: r.id, expectedStart: w.start });
  }
  p.apply(w, w.start, w.end, +1);
  p.track(w);
  qs.hoursLeft.set(best.fid, qs.hoursLeft.get(best.fid)! - r.gpus * r.hours);
  p.admittedNow.set(r.id, out.length);
  out.push({
    kind: 'admit',
    requestId: r.id,
    queueId: r.queueId,
    flavorId: w.flavorId,
    gpus: w.gpus,
    cpus: w.cpus,
    memory: w.memory,
    start: w.start,
    end: w.end,
    borrowed: w.borrowed,
  });
}

/**
 * Takes back capacity lent to other queues of the cohort so that `r`, within its own
 * nominal quota, starts at `start` (relative): borrowed workloads of lower or equal
 * priority are cut at `start` (running ones, with notice) or withdrawn (not yet started),
 * lowest priority and latest start first. Nothing changes unless that makes it fit.
 */
function reclaim(p: Planner, qs: QState, r: Request, fid: string, start: number, out: Decision[]): boolean {
  if (!withinNominalAlone(p, qs, r, fid, start)) return false;
  const s = p.s;
  const myPool = p.pool(qs.queue, fid);
  const a = s.now + start;
  const b = a + r.hours;
  const inPool = (p.borrowedIn.get(myPool) ?? []).filter((w) => w.state === 'running');
  p.borrowedIn.set(myPool, inPool);
  const victims = inPool
    .filter((w) => w.queueId !== r.queueId && w.priority <= r.priority && w.start < b && w.end > a)
    .sort((x, y) => x.priority - y.priority || y.start - x.start || (x.id < y.id ? 1 : -1));
  // Work admitted earlier in this round has not begun: it is withdrawn whole (it waits again).
  const from = (v: Live) => (p.admittedNow.has(v.id) ? v.start : Math.max(v.start, a));
  const taken: Live[] = [];
  for (const v of victims) {
    if (p.blocked(qs, fid, r.gpus, start, r.hours) < 0) break;
    p.apply(v, from(v), v.end, -1);
    taken.push(v);
  }
  if (taken.length === 0 || p.blocked(qs, fid, r.gpus, start, r.hours) >= 0) {
    for (const v of taken) p.apply(v, from(v), v.end, +1);
    return false;
  }
  for (const v of taken) {
    v.state = 'gone';
    const index = p.admittedNow.get(v.id);
    if (index !== undefined) {
      const owner = p.queues.get(v.queueId)!;
      owner.hoursLeft.set(fid, owner.hoursLeft.get(fid)! + v.gpus * (v.end - v.start));
      out[index] = { kind: 'wait', requestId: v.id, expectedStart: null };
      p.admittedNow.delete(v.id);
    } else if (v.start < a) {
      out.push({ kind: 'preempt', workloadId: v.id, end: a });
      p.track({ ...v, end: a });
    } else out.push({ kind: 'requeue', workloadId: v.id });
  }
  return true;
}

/** Whether the queue's own admitted work leaves room within its nominal quota for r. */
function withinNominalAlone(p: Planner, qs: QState, r: Request, fid: string, start: number): boolean {
  const use = qs.use.get(fid)!;
  const nominal = qs.queue.quotas[fid]!.nominal;
  for (let t = start; t < start + r.hours; t++) if (use[t]! + r.gpus > nominal) return false;
  return true;
}

/** A small binary heap; `before(a, b)` says a comes out first. */
class Heap<T> {
  private items: T[] = [];
  constructor(
    items: T[],
    private before: (a: T, b: T) => boolean,
  ) {
    for (const i of items) this.push(i);
  }
  get size() {
    return this.items.length;
  }
  push(item: T) {
    const a = this.items;
    a.push(item);
    for (let i = a.length - 1; i > 0;) {
      const up = (i - 1) >> 1;
      if (!this.before(a[i]!, a[up]!)) break;
      [a[i], a[up]] = [a[up]!, a[i]!];
      i = up;
    }
  }
  pop(): T | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last !== undefined) {
      a[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.before(a[l]!, a[m]!)) m = l;
        if (r < a.length && this.before(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}

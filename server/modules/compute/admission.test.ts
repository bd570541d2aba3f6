import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { admit, type Decision, type FlavorQuota, type Queue, type Request, type Snapshot, type Workload } from './admission.js';

const H = 48;
const flat = (n: number) => Array.from({ length: H }, () => n);
const quota = (nominal: number, over: Partial<FlavorQuota> = {}): FlavorQuota => ({
  nominal,
  borrowingLimit: null,
  lendingLimit: null,
  gpuHoursLeft: 1e9,
  ...over,
});
const queue = (id: string, cohortId: string | null, quotas: Record<string, FlavorQuota>, over: Partial<Queue> = {}): Queue => ({
  id,
  cohortId,
  weight: 1,
  quotas,
  history: { gpu: 0, cpu: 0, memory: 0 },
  ...over,
});
const req = (id: string, queueId: string, over: Partial<Request> = {}): Request => ({
  id,
  queueId,
  flavor: 'h20',
  gpus: 1,
  hours: 2,
  earliest: 0,
  deadline: H,
  priority: 0,
  submitted: 0,
  ...over,
});
const snapshot = (over: Partial<Snapshot>): Snapshot => ({
  now: 0,
  horizon: H,
  lookaheadSlots: 4,
  noticeSlots: 1,
  guardSlots: 6,
  flavors: [
    { id: 'h20', domestic: false, cpuPerGpu: 16, memoryPerGpu: 128 },
    { id: 'ascend', domestic: true, cpuPerGpu: 24, memoryPerGpu: 192 },
  ],
  capacity: { h20: flat(8), ascend: flat(8) },
  queues: [],
  workloads: [],
  pending: [],
  ...over,
});
const admitted = (d: Decision[]) => d.filter((x): x is Extract<Decision, { kind: 'admit' }> => x.kind === 'admit');
const byId = (d: Decision[], id: string) => d.find((x) => 'requestId' in x && x.requestId === id);

/** The workloads after a round: preempted ones cut, requeued ones gone, admitted ones added. */
export function afterRound(s: Snapshot, decisions: Decision[]): Workload[] {
  const cut = new Map(decisions.flatMap((d) => (d.kind === 'preempt' ? [[d.workloadId, d.end] as const] : [])));
  const gone = new Set(decisions.flatMap((d) => (d.kind === 'requeue' ? [d.workloadId] : [])));
  const kept = s.workloads.filter((w) => !gone.has(w.id)).map((w) => (cut.has(w.id) ? { ...w, end: cut.get(w.id)! } : w));
  const priority = new Map(s.pending.map((r) => [r.id, r.priority]));
  return [
    ...kept,
    ...admitted(decisions).map((a) => ({
      id: a.requestId,
      queueId: a.queueId,
      flavorId: a.flavorId,
      gpus: a.gpus,
      cpus: a.cpus,
      memory: a.memory,
      start: a.start,
      end: a.end,
      borrowed: a.borrowed,
      priority: priority.get(a.requestId) ?? 0,
    })),
  ];
}

/** Checks every limit at every hour, independently of the engine's bookkeeping. */
function checkLimits(s: Snapshot, workloads: Workload[]) {
  for (const f of s.flavors) {
    for (let t = 0; t < H; t++) {
      const at = workloads.filter((w) => w.flavorId === f.id && w.start <= s.now + t && w.end > s.now + t);
      expect(at.reduce((n, w) => n + w.gpus, 0)).toBeLessThanOrEqual(s.capacity[f.id]![t]!);
      const cohorts = new Map<string, { lent: number; pool: number }>();
      for (const q of s.queues) {
        const qa = q.quotas[f.id];
        const used = at.filter((w) => w.queueId === q.id).reduce((n, w) => n + w.gpus, 0);
        if (!qa) {
          expect(used).toBe(0);
          continue;
        }
        if (qa.borrowingLimit !== null) expect(used).toBeLessThanOrEqual(qa.nominal + qa.borrowingLimit);
        const lend = Math.max(0, Math.min(qa.nominal, qa.lendingLimit ?? qa.nominal));
        const key = q.cohortId ?? q.id;
        const c = cohorts.get(key) ?? { lent: 0, pool: 0 };
        c.lent += Math.max(0, used - (qa.nominal - lend));
        c.pool += lend;
        cohorts.set(key, c);
      }
      for (const c of cohorts.values()) expect(c.lent).toBeLessThanOrEqual(c.pool);
    }
  }
}

describe('admission engine: examples', () => {
  it('refuses with a reason: unknown flavor, deadline passed, quota exceeded, no capacity', () => {
    const s = snapshot({
      queues: [queue('a', null, { h20: quota(8, { gpuHoursLeft: 10 }) })],
      pending: [
        req('unknown', 'a', { flavor: 'tpu' }),
        req('late', 'a', { earliest: 10, hours: 5, deadline: 12 }),
        req('hours', 'a', { gpus: 4, hours: 3 }),
        req('noquota', 'a', { flavor: 'ascend' }),
        req('huge', 'a', { gpus: 9, hours: 1 }),
      ],
    });
    const d = admit(s);
    expect(byId(d, 'unknown')).toMatchObject({ kind: 'refuse', code: 'FLAVOR_UNKNOWN' });
    expect(byId(d, 'late')).toMatchObject({ kind: 'refuse', code: 'DEADLINE_PASSED' });
    expect(byId(d, 'hours')).toMatchObject({ kind: 'refuse', code: 'QUOTA_EXCEEDED' });
    expect(byId(d, 'noquota')).toMatchObject({ kind: 'refuse', code: 'QUOTA_EXCEEDED' });
    expect(byId(d, 'huge')).toMatchObject({ kind: 'refuse', code: 'NO_CAPACITY' });
  });

  it('"any domestic" lands on a domestic flavor', () => {
    const d = admit(
      snapshot({ queues: [queue('a', null, { h20: quota(8), ascend: quota(8) })], pending: [req('r', 'a', { flavor: 'any_domestic', gpus: 2 })] }),
    );
    expect(byId(d, 'r')).toMatchObject({ kind: 'admit', flavorId: 'ascend', start: 0, end: 2, cpus: 48, memory: 384 });
  });

  it('orders by dominant share: the queue with less decayed history goes first', () => {
    const s = snapshot({
      capacity: { h20: flat(4), ascend: flat(0) },
      queues: [queue('heavy', 'c', { h20: quota(4) }, { history: { gpu: 500, cpu: 0, memory: 0 } }), queue('light', 'c', { h20: quota(4) })],
      pending: [req('h', 'heavy', { gpus: 4, hours: 2, submitted: 0 }), req('l', 'light', { gpus: 4, hours: 2, submitted: 0 })],
    });
    const d = admit(s);
    expect(byId(d, 'l')).toMatchObject({ kind: 'admit', start: 0 });
    expect(byId(d, 'h')).toMatchObject({ kind: 'admit', start: 2 });
  });

  it('maintenance windows lower capacity: a job does not run through one', () => {
    const cap = flat(8).map((c, t) => (t >= 2 && t < 4 ? 0 : c));
    const d = admit(
      snapshot({ capacity: { h20: cap, ascend: flat(0) }, queues: [queue('a', null, { h20: quota(8) })], pending: [req('r', 'a', { hours: 3 })] }),
    );
    expect(byId(d, 'r')).toMatchObject({ kind: 'admit', start: 4, end: 7 });
  });

  it('borrows idle capacity of the cohort, and the lender takes it back with notice', () => {
    const lenderQ = queue('lender', 'c', { h20: quota(4) });
    const borrowerQ = queue('borrower', 'c', { h20: quota(4) });
    const first = snapshot({ queues: [lenderQ, borrowerQ], pending: [req('big', 'borrower', { gpus: 8, hours: 10 })] });
    const d1 = admit(first);
    expect(byId(d1, 'big')).toMatchObject({ kind: 'admit', start: 0, borrowed: true });
    const second = snapshot({
      now: 2,
      queues: [lenderQ, borrowerQ],
      workloads: afterRound(first, d1),
      pending: [req('mine', 'lender', { gpus: 4, hours: 2, earliest: 2, submitted: 2 })],
    });
    const d2 = admit(second);
    expect(d2).toContainEqual({ kind: 'preempt', workloadId: 'big', end: 3 });
    expect(byId(d2, 'mine')).toMatchObject({ kind: 'admit', start: 3 });
    checkLimits(second, afterRound(second, d2));
  });

  it('a lending limit keeps part of the quota for its owner', () => {
    const s = snapshot({
      queues: [queue('owner', 'c', { h20: quota(4, { lendingLimit: 1 }) }), queue('other', 'c', { h20: quota(4) })],
      pending: [req('r', 'other', { gpus: 6, hours: 1 })],
    });
    expect(byId(admit(s), 'r')).toMatchObject({ kind: 'refuse', code: 'NO_CAPACITY' });
    expect(byId(admit({ ...s, pending: [req('r', 'other', { gpus: 5, hours: 1 })] }), 'r')).toMatchObject({ kind: 'admit', borrowed: true });
  });

  it('a gang waiting past the guard holds its window: small jobs only backfill around it', () => {
    const running: Workload[] = [0, 1, 2, 3].map((i) => ({
      id: `w${i}`,
      queueId: 'small',
      flavorId: 'h20',
      gpus: 2,
      cpus: 0,
      memory: 0,
      start: 0,
      end: 10 + i * 5,
      borrowed: false,
      priority: 0,
    }));
    const smallQ = queue('small', 'c', { h20: quota(8) });
    const gangQ = queue('gang', 'c', { h20: quota(8) }, { history: { gpu: 1e6, cpu: 0, memory: 0 } });
    const s = snapshot({
      now: 10,
      capacity: { h20: flat(8), ascend: flat(0) },
      lookaheadSlots: 2,
      queues: [smallQ, gangQ],
      workloads: running,
      pending: [
        req('gang', 'gang', { gpus: 8, hours: 4, submitted: 0, deadline: 200 }),
        ...[0, 1, 2, 3, 4].map((i) => req(`s${i}`, 'small', { gpus: 2, hours: 30, submitted: 9, deadline: 200 })),
      ],
    });
    const d = admit(s);
    const gang = byId(d, 'gang');
    expect(gang).toMatchObject({ kind: 'wait', expectedStart: 25 });
    for (const a of admitted(d)) expect(a.end <= 25 || a.start >= 29).toBe(true);
  });
});

const arbitrarySnapshot = fc
  .record({
    caps: fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 2, maxLength: 2 }),
    dip: fc.record({ at: fc.integer({ min: 0, max: H - 1 }), len: fc.integer({ min: 0, max: 6 }) }),
    queues: fc.array(
      fc.record({
        cohort: fc.constantFrom('x', 'y', null),
        nominal: fc.integer({ min: 0, max: 6 }),
        borrow: fc.option(fc.integer({ min: 0, max: 4 })),
        lend: fc.option(fc.integer({ min: 0, max: 6 })),
        hours: fc.integer({ min: 0, max: 60 }),
        history: fc.integer({ min: 0, max: 100 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    rounds: fc.array(
      fc.array(
        fc.record({
          q: fc.nat(3),
          flavor: fc.constantFrom('h20', 'ascend', 'any_domestic'),
          gpus: fc.integer({ min: 1, max: 8 }),
          hours: fc.integer({ min: 1, max: 12 }),
          earliest: fc.integer({ min: 0, max: 20 }),
          slack: fc.integer({ min: -2, max: 40 }),
          priority: fc.integer({ min: 0, max: 2 }),
        }),
        { maxLength: 8 },
      ),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map((g) => g);

describe('admission engine: properties', () => {
  it('over rounds of submit / admit / preempt: never over capacity, quota + borrowing, or lending limits; each request decided once, inside its window', () => {
    fc.assert(
      fc.property(arbitrarySnapshot, (g) => {
        const long = (n: number) => Array.from({ length: 2 * H }, () => n);
        const capacity = { h20: long(g.caps[0]!), ascend: long(g.caps[1]!).map((c, t) => (t >= g.dip.at && t < g.dip.at + g.dip.len ? 0 : c)) };
        const queues = g.queues.map((q, i) =>
          queue(
            `q${i}`,
            q.cohort,
            {
              h20: quota(q.nominal, { borrowingLimit: q.borrow, lendingLimit: q.lend, gpuHoursLeft: q.hours }),
              ...(i % 2 ? { ascend: quota(q.nominal, { borrowingLimit: q.borrow, lendingLimit: q.lend, gpuHoursLeft: q.hours }) } : {}),
            },
            { history: { gpu: q.history, cpu: 0, memory: 0 } },
          ),
        );
        let workloads: Workload[] = [];
        let waiting: Request[] = [];
        let n = 0;
        g.rounds.forEach((round, i) => {
          const now = i * 3;
          const fresh = round.map((r) =>
            req(`r${n++}`, `q${r.q % queues.length}`, {
              flavor: r.flavor,
              gpus: r.gpus,
              hours: r.hours,
              earliest: now + r.earliest,
              deadline: now + r.earliest + r.hours + r.slack,
              priority: r.priority,
              submitted: now,
            }),
          );
          const live = workloads.filter((w) => w.end > now);
          const s = snapshot({
            now,
            horizon: H,
            capacity: { h20: capacity.h20.slice(now), ascend: capacity.ascend.slice(now) },
            queues,
            workloads: live,
            pending: [...waiting, ...fresh],
          });
          const d = admit(s);
          for (const r of s.pending) {
            const mine = d.filter((x) => 'requestId' in x && x.requestId === r.id);
            expect(mine).toHaveLength(1);
            const one = mine[0]!;
            if (one.kind === 'admit') {
              expect(one.start).toBeGreaterThanOrEqual(Math.max(now, r.earliest));
              expect(one.end).toBeLessThanOrEqual(r.deadline);
              expect(one.end - one.start).toBe(r.hours);
            }
          }
          for (const x of d) {
            if (x.kind === 'preempt') {
              expect(live.find((w) => w.id === x.workloadId)!.borrowed).toBe(true);
              expect(x.end).toBeGreaterThanOrEqual(now + s.noticeSlots);
            }
          }
          const requeued = new Set(d.flatMap((x) => (x.kind === 'requeue' ? [x.workloadId] : [])));
          workloads = afterRound(s, d);
          checkLimits(
            s,
            workloads.filter((w) => w.end > now),
          );
          const waitIds = new Set(d.flatMap((x) => (x.kind === 'wait' ? [x.requestId] : [])));
          waiting = s.pending.filter((r) => waitIds.has(r.id));
          for (const id of requeued) waiting.push(req(id, live.find((w) => w.id === id)!.queueId, { submitted: now, deadline: now + H }));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('a request within quota on an idle pool is admitted at once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 24 }), fc.constantFrom('h20', 'ascend', 'any_domestic'), (gpus, hours, flavor) => {
        const d = admit(snapshot({ queues: [queue('a', 'c', { h20: quota(8), ascend: quota(8) })], pending: [req('r', 'a', { gpus, hours, flavor })] }));
        expect(d).toEqual([expect.objectContaining({ kind: 'admit', start: 0, end: hours })]);
      }),
    );
  });
});

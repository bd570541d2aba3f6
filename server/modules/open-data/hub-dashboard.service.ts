import type { HubDashboard } from '../../../contracts/hub-dashboard.js';
import type { Db } from '../../db/connection.js';
import { localToday } from '../../platform/hub-time.js';
import type { Actor } from '../../platform/policies.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { monthlyFlows } from '../budget/index.js';
import { computeUsageSummary, computeUsageTrend } from '../compute/index.js';
import { spaceAreaSummary, spaceAreaTrend } from '../spaces/index.js';
import { stayOccupancySummary, stayOccupancyTrend } from '../stays/index.js';
import { dashboardPolicy } from './dashboard.policies.js';
import { getPublicBudget } from './public-budget.service.js';

/** The first day of the month `n` months after the one `day` is in. */
const monthStart = (day: string, n: number) => {
  const d = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1 + n, 1));
  return d.toISOString().slice(0, 10);
};

const daysBefore = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/**
 * getHubDashboard: what the hub's money produced in one fiscal year (committed, paid and
 * left, awards, each program, month by month) and how its stays, space and compute are
 * used now and month by month over the last 12 months. Read live; null for a year the hub never opened (the route answers 404).
 */
export async function getHubDashboard(db: Db, scope: { hub: HubRow; actor: Actor }, year?: number, now = new Date()): Promise<HubDashboard | null> {
  dashboardPolicy.authorize(scope.actor, 'read', null);
  const hub = scope.hub;
  const budget = await getPublicBudget(db, hub, year);
  if (!budget) return null;
  const today = localToday(hub.timeZone, now);
  const from = daysBefore(today, 30);
  // The trends: the 12 months ending with this one, [first, next).
  const [first, next] = [monthStart(today, -11), monthStart(today, 1)];
  const [months, stays, spaces, compute, stayTrend, spaceTrend, computeTrend] = await Promise.all([
    budget.year === null ? [] : monthlyFlows(db, hub.id, budget.year, hub.timeZone),
    stayOccupancySummary(db, hub.id, from, today),
    spaceAreaSummary(db, hub.id, today),
    computeUsageSummary(db, hub.id, hub.timeZone, from, today),
    stayOccupancyTrend(db, hub.id, first, next),
    spaceAreaTrend(db, hub.id, first, next),
    computeUsageTrend(db, hub.id, hub.timeZone, first, next),
  ]);
  return {
    years: budget.years,
    year: budget.year,
    money: { envelope: budget.envelope, committed: budget.committed, paid: budget.disbursed, left: budget.free, unallocated: budget.unallocated },
    awards: {
      count: budget.programs.reduce((s, p) => s + p.awards, 0),
      amount: budget.programs.reduce((s, p) => s + BigInt(p.awarded), 0n).toString(),
    },
    programs: budget.programs,
    months: months.map((m) => ({ month: m.month, committed: m.committed.toString(), paid: m.paid.toString() })),
    stays: { ...stays, from, to: today },
    spaces: { ...spaces, on: today },
    compute: { ...compute, from, to: today },
    trends: {
      stays: stayTrend,
      spaces: spaceTrend.map((m) => ({ ...m, heldVacantCost: m.heldVacantCost.toString() })),
      compute: computeTrend,
    },
  };
}

import { sql } from 'drizzle-orm';
import type { SpaceRequest } from '../../../contracts/spaces.js';
import type { Db, Tx } from '../../db/connection.js';
import { AppError } from '../../platform/errors.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { addMonths } from './rent-schedule.js';
import type { spaceRequests } from './spaces.tables.js';
import { planRent } from './subsidy.service.js';

type RequestRow = typeof spaceRequests.$inferSelect;

export type OfferTerms = NonNullable<NonNullable<SpaceRequest['offer']>['terms']>;

/** The offered term: from the request's first day for its months. */
export const offerEnds = (request: Pick<RequestRow, 'startsOn' | 'months'>) => addMonths(request.startsOn, request.months);

/**
 * What the held units rent for a month at list price (fen, rounded down), and their area in
 * hundredths of m². Numeric read as text (a rent from before the contract's cap may pass a bigint).
 */
export async function listRentOfHold(db: Db | Tx, hubId: string, holdId: string): Promise<{ monthly: bigint; areaCenti: bigint }> {
  const { rows } = await db.execute<{ monthly: string; centi: string }>(sql`
    SELECT coalesce(floor(sum(u.area_m2 * u.list_rent)), 0)::text AS monthly, coalesce(sum(round(u.area_m2 * 100)), 0)::bigint::text AS centi
    FROM space_holds h JOIN space_nodes u ON u.hub_id = h.hub_id AND u.kind = 'unit' AND (u.id = ANY(h.node_ids) OR u.ancestors && h.node_ids)
    WHERE h.hub_id = ${hubId} AND h.id = ${holdId}`);
  return { monthly: BigInt(rows[0]!.monthly), areaCenti: BigInt(rows[0]!.centi) };
}

/** The most a lease's rent step may be a month (fen; the contract's step takes 15 digits). */
export const STEP_RENT_MAX = 999_999_999_999_999n;

/**
 * What accepting an offer would sign, as the company should see it before it signs: the term and
 * each rent step split into the company's share and the subsidy, planned as `acceptSpaceOffer`
 * plans them. Null when it cannot be planned now (the company no longer qualifies for the
 * program): accepting would then be refused and say why.
 */
export async function offerTerms(db: Db | Tx, hub: HubRow, request: RequestRow, now = new Date()): Promise<OfferTerms | null> {
  if (!request.holdId) return null;
  const startsOn = request.startsOn;
  const endsOn = offerEnds(request);
  const { monthly, areaCenti } = await listRentOfHold(db, hub.id, request.holdId);
  // Units listed before the contract's cap on list rent may rent for more than a step holds: not signable.
  if (monthly > STEP_RENT_MAX) return null;
  try {
    const plan = await planRent(
      db,
      hub.id,
      request.organizationId,
      { startsOn, endsOn, steps: [{ startsOn, endsOn, monthlyRent: monthly.toString() }], staff: request.offerStaff, programId: request.offerProgramId },
      areaCenti,
      now,
    );
    return {
      startsOn,
      endsOn,
      steps: plan.steps.map((s) => ({
        startsOn: s.startsOn,
        endsOn: s.endsOn,
        monthlyRent: s.monthlyRent.toString(),
        tenantShare: (s.monthlyRent - s.monthlySubsidy).toString(),
        subsidyShare: s.monthlySubsidy.toString(),
      })),
    };
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
}

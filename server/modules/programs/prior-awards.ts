import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connection.js';
import type { Applicant } from './applications.service.js';
import type { AwardOnClaim } from './benefits.js';
import type { AwardFact } from './eligibility.js';

/** Statuses in which an application holds (or is about to hold) an award. */
export const AWARDED_STATUSES = ['approved', 'awarded', 'in_payment', 'closed'] as const;
const AWARDED = sql.raw(`(${AWARDED_STATUSES.map((s) => `'${s}'`).join(',')})`);

/** What the criteria and the benefit formula know of earlier awards. */
export type PriorAwards = {
  /** The applicant's own awards (the criteria's `awards`, the formula's yearly cap). */
  awards: AwardFact[];
  /** Awards already made on the same claim (the contract, the invoice), with each program's stacking group. */
  onClaim: AwardOnClaim[];
};

/**
 * The applicant's awards and, when the application names a claim, the awards already made
 * on that claim: one statement (both read the hub's applications; on Citus, its shard).
 * `except` leaves out the application being judged.
 */
export async function priorAwards(tx: Tx, hubId: string, applicant: Applicant, claimKey: string | null, except?: string): Promise<PriorAwards> {
  const column = sql.raw(applicant.type === 'organization' ? 'organization_id' : 'person_id');
  const { rows } = await tx.execute<{ on_claim: boolean; program: string; grp: string | null; amount: string | null; year: number }>(sql`
    SELECT false AS on_claim, a.program_id AS program, NULL AS grp, a.amount::text AS amount, extract(year FROM a.created_at AT TIME ZONE 'UTC')::int AS year
    FROM applications a
    WHERE a.hub_id = ${hubId} AND a.${column} = ${applicant.record.id}::uuid AND a.status IN ${AWARDED} AND a.id IS DISTINCT FROM ${except ?? null}::uuid
    UNION ALL
    SELECT true, a.program_id, v.rules #>> '{benefit,stacking,group}', a.amount::text, 0
    FROM applications a JOIN program_versions v ON v.hub_id = a.hub_id AND v.program_id = a.program_id AND v.version = a.program_version
    WHERE a.hub_id = ${hubId} AND a.claim_key = ${claimKey}::text AND a.status IN ${AWARDED} AND a.id IS DISTINCT FROM ${except ?? null}::uuid`);
  const amount = (r: { amount: string | null }) => BigInt(r.amount ?? 0);
  return {
    awards: rows.filter((r) => !r.on_claim).map((r) => ({ program: r.program, amount: amount(r), year: BigInt(r.year) })),
    onClaim: rows.filter((r) => r.on_claim).map((r) => ({ program: r.program, group: r.grp, amount: amount(r) })),
  };
}

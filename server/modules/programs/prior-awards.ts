import { SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import {
  organizationForApplicant,
  organizationForApplicantJson,
  organizationWithOf,
  personOfUserJson,
  personOfUserWith,
  personWithOf,
  type OrganizationRecord,
  type PersonRecord,
} from '../ecosystem/index.js';
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
  /** The applications of both, each once: an approval files them (dg_application_file checks none came since). */
  ids: string[];
};

/**
 * Which earlier awards to read: those on the same claim (when the application names one;
 * SQL when the claim is only known in the statement, from the program read with it), and
 * `except` left out (the application being judged).
 */
export type PriorQuery = { claimKey: string | null | SQL; except?: string | undefined };

type PriorRow = { id: string; on_claim: boolean; program: string; grp: string | null; amount: string | null; year: number };

/** The hub's time zone, for a statement that counts in its calendar (a reference table on Citus: read on the hub's shard). */
export const hubTimeZoneSql = (hubId: string): SQL<string> => sql<string>`(SELECT h.time_zone FROM hubs h WHERE h.id = ${hubId})`;

/**
 * The applicant's awards and the awards already made on the claim, as one JSON array for
 * the statement that reads the applicant (`applicant`: the column naming them and the
 * expression for their id in that statement). Both read the hub's applications; on Citus,
 * its shard. An award's year is the hub's local year it was made in, as `now.year` is.
 */
function priorAwardsJson(hubId: string, column: 'organization_id' | 'person_id', applicant: SQL, query: PriorQuery): SQL {
  const except = query.except ?? null;
  const claim = query.claimKey instanceof SQL ? query.claimKey : sql`${query.claimKey}::text`;
  return sql`(SELECT coalesce(json_agg(x), '[]'::json) FROM (
    SELECT a.id, false AS on_claim, a.program_id AS program, NULL AS grp, a.amount::text AS amount, extract(year FROM a.created_at AT TIME ZONE ${hubTimeZoneSql(hubId)})::int AS year
    FROM applications a
    WHERE a.hub_id = ${hubId} AND a.${sql.raw(column)} = ${applicant} AND a.status IN ${AWARDED} AND a.id IS DISTINCT FROM ${except}::uuid
    UNION ALL
    SELECT a.id, true, a.program_id, v.rules #>> '{benefit,stacking,group}', a.amount::text, 0
    FROM applications a JOIN program_versions v ON v.hub_id = a.hub_id AND v.program_id = a.program_id AND v.version = a.program_version
    WHERE a.hub_id = ${hubId} AND a.claim_key = ${claim} AND a.status IN ${AWARDED} AND a.id IS DISTINCT FROM ${except}::uuid) x)`;
}

function priorAwardsOf(rows: unknown): PriorAwards {
  const list = rows as PriorRow[];
  const amount = (r: PriorRow) => BigInt(r.amount ?? 0);
  return {
    awards: list.filter((r) => !r.on_claim).map((r) => ({ program: r.program, amount: amount(r), year: BigInt(r.year) })),
    onClaim: list.filter((r) => r.on_claim).map((r) => ({ program: r.program, group: r.grp, amount: amount(r) })),
    ids: [...new Set(list.map((r) => r.id))],
  };
}

export type OrganizationWithPrior = { record: OrganizationRecord; role: string | null; prior: PriorAwards };
export type PersonWithPrior = { record: PersonRecord; prior: PriorAwards };

/**
 * An organisation as programs screen it, the caller's role in it (null: not a member; no
 * caller: null) and its earlier awards: one statement. Null when there is none.
 */
export async function organizationWithPrior(
  tx: Db | Tx,
  hubId: string,
  organizationId: string,
  userId: string | null,
  query: PriorQuery,
): Promise<OrganizationWithPrior | null> {
  return organizationPriorOf(await organizationForApplicant(tx, hubId, organizationId, userId, priorAwardsJson(hubId, 'organization_id', sql`o.id`, query)));
}

/** The person record of an account (graduates and talent apply as themselves) and their earlier awards: one statement. Null when there is none. */
export async function personWithPrior(tx: Db | Tx, hubId: string, userId: string, query: PriorQuery): Promise<PersonWithPrior | null> {
  return personPriorOf(await personOfUserWith(tx, hubId, userId, priorAwardsJson(hubId, 'person_id', sql`p.id`, query)));
}

/** `organizationWithPrior` as one JSON value, for a statement that reads more (a submission's program); read it with `organizationWithPriorOf`. */
export const organizationWithPriorJson = (hubId: string, organizationId: string, userId: string, query: PriorQuery): SQL<unknown> =>
  organizationForApplicantJson(hubId, organizationId, userId, priorAwardsJson(hubId, 'organization_id', sql`o.id`, query));

/** `personWithPrior` as one JSON value; read it with `personWithPriorOf`. */
export const personWithPriorJson = (hubId: string, userId: string, query: PriorQuery): SQL<unknown> =>
  personOfUserJson(hubId, userId, priorAwardsJson(hubId, 'person_id', sql`p.id`, query));

export const organizationWithPriorOf = (value: unknown): OrganizationWithPrior | null => organizationPriorOf(organizationWithOf(value));
export const personWithPriorOf = (value: unknown): PersonWithPrior | null => personPriorOf(personWithOf(value));

function organizationPriorOf(found: ReturnType<typeof organizationWithOf>): OrganizationWithPrior | null {
  return found && { record: found.record, role: found.role, prior: priorAwardsOf(found.also) };
}

function personPriorOf(found: ReturnType<typeof personWithOf>): PersonWithPrior | null {
  return found && { record: found.person, prior: priorAwardsOf(found.also) };
}

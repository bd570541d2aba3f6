import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import type { Param } from '../../db/named.js';

/**
 * What the ecosystem knows of an applicant, for programs to screen against. Other
 * modules read it here (through index.ts), never from these tables.
 */
export type OrganizationRecord = {
  id: string;
  kind: string;
  sectors: string[];
  foundedOn: string | null;
  headcount: number | null;
  /** A code from the hub's list of districts; absent or null when not said. */
  district?: string | null;
  latest: { valuation?: bigint; revenue?: bigint; fundingRaised?: bigint; marketShare?: number; headcount?: number };
};

export type PersonRecord = {
  id: string;
  userId: string | null;
  roles: string[];
  talentTier: string | null;
  bornOn: string | null;
  /** Highest degree from alumnus relations, with its end date as the graduation date. */
  degree: string | null;
  graduatedOn: string | null;
};

const DEGREE_ORDER = ['other', 'bachelor', 'master', 'doctorate'];

/** An organisation as programs screen it, or null. */
export async function organizationRecord(db: Db | Tx, hubId: string, organizationId: string): Promise<OrganizationRecord | null> {
  return (await organizationForApplicant(db, hubId, organizationId, null))?.record ?? null;
}

/**
 * An organisation as programs screen it (its row and latest fact of each metric) with the
 * caller's role in it (null: not a member), in one statement; null when there is none.
 * `also`: an expression over the organisation row `o` for a caller that needs more of it in
 * the same statement (programs' earlier awards).
 */
export async function organizationForApplicant(
  db: Db | Tx,
  hubId: string,
  organizationId: string,
  userId: string | null,
  also: SQL = sql`NULL`,
): Promise<OrganizationWith | null> {
  const { rows } = await db.execute<OrganizationRow>(organizationForApplicantSql(hubId, organizationId, userId, also));
  return organizationWithOf(rows[0]);
}

export type OrganizationWith = { record: OrganizationRecord; role: string | null; also: unknown };

type OrganizationRow = {
  id: string;
  kind: string;
  sectors: string[];
  founded_on: string | null;
  headcount: number | null;
  role: string | null;
  latest: { metric: string; amount: string | null; quantity: string | null }[];
  also: unknown;
};

/** The SELECT behind `organizationForApplicant`. */
function organizationForApplicantSql(hubId: string, organizationId: string, userId: string | null, also: SQL): SQL {
  return sql`
    -- Every table named with the hub, so on Citus the statement goes to that hub's shard alone.
    SELECT o.id, o.kind, o.sectors, o.founded_on, o.headcount,
      (SELECT m.role FROM organization_members m
        WHERE m.hub_id = ${hubId} AND m.organization_id = o.id AND m.user_id = ${userId}::uuid) AS role,
      (SELECT coalesce(json_agg(json_build_object('metric', f.metric, 'amount', f.amount_minor::text, 'quantity', f.quantity::text)), '[]'::json)
         FROM (SELECT DISTINCT ON (metric) metric, amount_minor, quantity FROM organization_facts
                WHERE hub_id = ${hubId} AND organization_id = o.id ORDER BY metric, as_of DESC) f) AS latest,
      ${also} AS also
    FROM organizations o WHERE o.hub_id = ${hubId} AND o.id = ${organizationId}`;
}

/**
 * `organizationForApplicant` as one JSON value (null without the organisation), for a caller
 * that reads it inside a statement of its own (a submission reads the program and its
 * applicant at once); read the value with `organizationWithOf`.
 */
export function organizationForApplicantJson(hubId: string, organizationId: string, userId: string | null, also: SQL): SQL<unknown> {
  return sql`(SELECT row_to_json(x) FROM (${organizationForApplicantSql(hubId, organizationId, userId, also)}) x)`;
}

/** A row of `organizationForApplicantSql` (or the JSON of `organizationForApplicantJson`) as the record, the caller's role and `also`. */
export function organizationWithOf(row: unknown): OrganizationWith | null {
  if (!row) return null;
  const org = row as OrganizationRow;
  const by = new Map(org.latest.map((f) => [f.metric, f]));
  const amount = (metric: string) => (by.get(metric)?.amount != null ? BigInt(by.get(metric)!.amount!) : undefined);
  const quantity = (metric: string) => (by.get(metric)?.quantity != null ? Number(by.get(metric)!.quantity) : undefined);
  const latest: OrganizationRecord['latest'] = {};
  if (amount('valuation') !== undefined) latest.valuation = amount('valuation')!;
  if (amount('revenue') !== undefined) latest.revenue = amount('revenue')!;
  if (amount('funding_raised') !== undefined) latest.fundingRaised = amount('funding_raised')!;
  if (quantity('market_share') !== undefined) latest.marketShare = quantity('market_share')!;
  if (quantity('headcount') !== undefined) latest.headcount = quantity('headcount')!;
  return {
    record: { id: org.id, kind: org.kind, sectors: org.sectors, foundedOn: org.founded_on, headcount: org.headcount, latest },
    role: org.role,
    also: org.also,
  };
}

/** The person record linked to an account in this hub (graduates and talent apply as themselves), with their highest degree: one statement. */
export async function personRecordOfUser(db: Db | Tx, hubId: string, userId: string): Promise<PersonRecord | null> {
  return (await personOfUserWith(db, hubId, userId, sql`NULL`))?.person ?? null;
}

type PersonRow = {
  id: string;
  user_id: string | null;
  roles: string[];
  talent_tier: string | null;
  born_on: string | null;
  degree: string | null;
  graduated_on: string | null;
  also: unknown;
};

/**
 * The SELECT behind `personOfUserWith`: the person linked to the account, their highest
 * degree, and `also`, an expression over the person row `p` for a caller that needs more of
 * them (the talent module's declared degrees).
 */
function personOfUserSql(hubId: Param, userId: Param, also: SQL): SQL {
  return sql`
    SELECT p.id, p.user_id, p.roles, p.talent_tier, p.born_on, d.degree, d.ends_on AS graduated_on, ${also} AS also
    FROM people p
    LEFT JOIN LATERAL (
      SELECT r.degree, r.ends_on FROM relations r
      WHERE r.hub_id = ${hubId} AND r.from_person_id = p.id AND r.kind = 'alumnus_of' AND r.degree IS NOT NULL
      ORDER BY array_position(${sql.raw(`ARRAY[${DEGREE_ORDER.map((d) => `'${d}'`).join(',')}]`)}::text[], r.degree::text) DESC NULLS LAST
      LIMIT 1) d ON true
    WHERE p.hub_id = ${hubId} AND p.user_id = ${userId}`;
}

/**
 * `personOfUserWith` as one JSON value (null without a person), for a caller that reads it
 * inside a statement of its own (a booking reads the station and its guest at once); read
 * the value with `personWithOf`.
 */
export function personOfUserJson(hubId: Param, userId: Param, also: SQL): SQL<unknown> {
  return sql`(SELECT row_to_json(x) FROM (${personOfUserSql(hubId, userId, also)}) x)`;
}

/** A row of `personOfUserSql` (or the JSON of `personOfUserJson`) as the person and `also`. */
export function personWithOf(row: unknown): { person: PersonRecord; also: unknown } | null {
  if (!row) return null;
  const person = row as PersonRow;
  return {
    person: {
      id: person.id,
      userId: person.user_id,
      roles: person.roles,
      talentTier: person.talent_tier,
      bornOn: person.born_on,
      degree: person.degree,
      graduatedOn: person.graduated_on,
    },
    also: person.also,
  };
}

/** `personRecordOfUser` and, in the same statement, `also` (see `personOfUserSql`). */
export async function personOfUserWith(db: Db | Tx, hubId: string, userId: string, also: SQL): Promise<{ person: PersonRecord; also: unknown } | null> {
  const { rows } = await db.execute<PersonRow>(personOfUserSql(hubId, userId, also));
  return personWithOf(rows[0]);
}

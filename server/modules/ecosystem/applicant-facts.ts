import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { organizationFacts } from './facts.tables.js';
import { organizations } from './organizations.tables.js';
import { people } from './people.tables.js';
import { relations } from './relations.tables.js';

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

export async function organizationRecord(db: Db | Tx, hubId: string, organizationId: string): Promise<OrganizationRecord | null> {
  const [org] = await db.select().from(organizations).where(and(eq(organizations.hubId, hubId), eq(organizations.id, organizationId)));
  if (!org) return null;
  const latest = await db
    .selectDistinctOn([organizationFacts.metric], { metric: organizationFacts.metric, amount: organizationFacts.amountMinor, quantity: organizationFacts.quantity })
    .from(organizationFacts)
    .where(and(eq(organizationFacts.hubId, hubId), eq(organizationFacts.organizationId, organizationId)))
    .orderBy(organizationFacts.metric, desc(organizationFacts.asOf));
  const by = new Map(latest.map((f) => [f.metric, f]));
  return {
    id: org.id,
    kind: org.kind,
    sectors: org.sectors,
    foundedOn: org.foundedOn,
    headcount: org.headcount,
    latest: {
      ...(by.get('valuation')?.amount != null && { valuation: by.get('valuation')!.amount! }),
      ...(by.get('revenue')?.amount != null && { revenue: by.get('revenue')!.amount! }),
      ...(by.get('funding_raised')?.amount != null && { fundingRaised: by.get('funding_raised')!.amount! }),
      ...(by.get('market_share')?.quantity != null && { marketShare: Number(by.get('market_share')!.quantity) }),
      ...(by.get('headcount')?.quantity != null && { headcount: Number(by.get('headcount')!.quantity) }),
    },
  };
}

/** The person record linked to an account in this hub (graduates and talent apply as themselves). */
export async function personRecordOfUser(db: Db | Tx, hubId: string, userId: string): Promise<PersonRecord | null> {
  const [person] = await db.select().from(people).where(and(eq(people.hubId, hubId), eq(people.userId, userId)));
  if (!person) return null;
  const studies = await db
    .select({ degree: relations.degree, endsOn: relations.endsOn })
    .from(relations)
    .where(and(eq(relations.hubId, hubId), eq(relations.fromPersonId, person.id), eq(relations.kind, 'alumnus_of'), sql`${relations.degree} IS NOT NULL`));
  const highest = studies.sort((a, b) => DEGREE_ORDER.indexOf(b.degree!) - DEGREE_ORDER.indexOf(a.degree!))[0];
  return {
    id: person.id,
    userId: person.userId,
    roles: person.roles,
    talentTier: person.talentTier,
    bornOn: person.bornOn,
    degree: highest?.degree ?? null,
    graduatedOn: highest?.endsOn ?? null,
  };
}

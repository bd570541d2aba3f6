import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { programDraftSchema } from '../../contracts/applications.js';
import { budgetLineInputSchema, fiscalYearInputSchema } from '../../contracts/budget.js';
import { personInputSchema } from '../../contracts/people.js';
import { relationInputSchema } from '../../contracts/relations.js';
import { fiscalYears, ledgerAccounts } from '../modules/budget/budget.tables.js';
import { createBudgetLine, openFiscalYear } from '../modules/budget/budget.service.js';
import { organizations } from '../modules/ecosystem/organizations.tables.js';
import { createPerson } from '../modules/ecosystem/people.service.js';
import { people } from '../modules/ecosystem/people.tables.js';
import { createRelation } from '../modules/ecosystem/relations.service.js';
import { createProgram, publishProgram } from '../modules/programs/programs.service.js';
import { programs } from '../modules/programs/programs.tables.js';
import { findUserByEmail } from '../platform/auth/users.js';
import type { FieldCrypto } from '../platform/crypto/fields.js';
import { findHub, loadActor, type HubRow } from '../platform/tenancy/tenancy.js';
import type { Actor } from '../platform/policies.js';
import type { Db, Tx } from './connection.js';
import { withTransaction } from './transaction.js';
import { readSeed } from './demo-year.js';

/**
 * Hangzhou's demo programs (seed/programs.json): this year's fiscal year with a budget line per
 * program, the six programs drafted and published through the real services as the hub
 * admin (so every criterion is type-checked as if an officer had typed it), and a person
 * record for the demo graduate so person programs have someone to screen.
 *
 * Idempotent: a year, line, program (by English name) or graduate already there is kept.
 */

type Name = { zh: string; en: string };
type SeedProgram = { budget: { name: Name; amount: string }; draft: unknown };
export type ProgramsSeed = {
  hub: string;
  fiscalYear: { year: number; revenue: string; techShareBasisPoints: number; source: string };
  graduate: { account: string; name: Name; roles: string[]; alumnusOf: string; degree: string; startsOn: string; endsOn: string; source: string };
  programs: SeedProgram[];
  /** Reviewer accounts and the person records they are (conflicts of interest are read from the graph). */
  reviewers?: { account: string; person: string }[];
};
type Scope = { hub: HubRow; actor: Actor };

/** seed/programs.json, its dates and years moved to the year the seed runs in (demo-year.ts). */
export function readProgramsSeed(now = new Date()): ProgramsSeed {
  return readSeed<ProgramsSeed>('programs.json', now);
}

export type ProgramsResult = { yearOpened: boolean; lines: number; programs: number; graduateLinked: boolean };

export async function seedPrograms(db: Db, adminEmail: string, seed = readProgramsSeed()): Promise<ProgramsResult> {
  const hub = await findHub(db, seed.hub);
  const admin = await findUserByEmail(db, adminEmail);
  if (!admin) throw new Error(`demo account ${adminEmail} is missing: seed the accounts first`);
  const scope: Scope = { hub, actor: await loadActor(db, hub.id, admin.id) };
  const result: ProgramsResult = { yearOpened: false, lines: 0, programs: 0, graduateLinked: false };

  await withTransaction(db, async (tx) => {
    const year = seed.fiscalYear;
    const [present] = await tx
      .select({ id: fiscalYears.id })
      .from(fiscalYears)
      .where(and(eq(fiscalYears.hubId, hub.id), eq(fiscalYears.year, year.year)));
    if (!present) {
      await openFiscalYear(tx, scope, fiscalYearInputSchema.parse({ year: year.year, revenue: year.revenue, techShareBasisPoints: year.techShareBasisPoints }));
      result.yearOpened = true;
    }
    const [yearRow] = await tx
      .select({ id: fiscalYears.id })
      .from(fiscalYears)
      .where(and(eq(fiscalYears.hubId, hub.id), eq(fiscalYears.year, year.year)));
    for (const { budget, draft } of seed.programs) {
      const parsed = programDraftSchema.parse(draft);
      if (parsed.fiscalYear !== year.year) throw new Error(`seed/programs.json: ${parsed.name.en} is for ${parsed.fiscalYear}, the seed opens ${year.year}`);
      const [line] = await tx
        .select({ id: ledgerAccounts.id })
        .from(ledgerAccounts)
        .where(and(eq(ledgerAccounts.hubId, hub.id), eq(ledgerAccounts.fiscalYearId, yearRow!.id), eq(ledgerAccounts.code, parsed.budgetLine)));
      if (line) continue;
      // A transfer id derived from the line, so a re-run replays instead of funding twice.
      const transferId = stableUuid(`${hub.slug}:${year.year}:${parsed.budgetLine}`);
      await createBudgetLine(
        tx,
        scope,
        year.year,
        budgetLineInputSchema.parse({ code: parsed.budgetLine, name: budget.name, amount: budget.amount, transferId }),
      );
      result.lines++;
    }
  });

  for (const { draft } of seed.programs) {
    const parsed = programDraftSchema.parse(draft);
    const created = await withTransaction(db, async (tx) => {
      const [existing] = await tx
        .select({ id: programs.id })
        .from(programs)
        .where(and(eq(programs.hubId, hub.id), eq(programs.nameEn, parsed.name.en)));
      if (existing) return false;
      const row = await createProgram(tx, scope, parsed);
      await publishProgram(tx, scope, row.id);
      return true;
    });
    if (created) result.programs++;
  }

  result.graduateLinked = await linkGraduate(db, scope, seed.graduate);
  return result;
}

/**
 * Links each demo reviewer account to its person record (seed/people.json), so the
 * reviewed grant's conflict check sees who they are: Reviewer Three founded the fund that
 * invested in Qiantang Embodied AI (demo). Idempotent; returns how many were linked now.
 */
export async function linkReviewers(db: Db, seed = readProgramsSeed()): Promise<number> {
  const hub = await findHub(db, seed.hub);
  let linked = 0;
  for (const r of seed.reviewers ?? []) {
    const user = await findUserByEmail(db, r.account);
    if (!user) throw new Error(`demo account ${r.account} is missing: seed the accounts first`);
    const [person] = await db
      .select({ id: people.id, userId: people.userId })
      .from(people)
      .where(and(eq(people.hubId, hub.id), eq(people.nameEn, r.person)))
      .limit(1);
    if (!person) throw new Error(`seed/programs.json: no person "${r.person}" in ${hub.slug}: seed the people first`);
    if (person.userId) continue;
    // As for the graduate: no service links a person to an account yet.
    await db
      .update(people)
      .set({ userId: user.id, updatedAt: new Date() })
      .where(and(eq(people.hubId, hub.id), eq(people.id, person.id)));
    linked++;
  }
  return linked;
}

/** The demo graduate's person record: a master's from Zhejiang University in 2025, linked to the account. */
async function linkGraduate(db: Db, scope: Scope, graduate: ProgramsSeed['graduate']): Promise<boolean> {
  const user = await findUserByEmail(db, graduate.account);
  if (!user) throw new Error(`demo account ${graduate.account} is missing: seed the accounts first`);
  return withTransaction(db, async (tx) => {
    const [linked] = await tx
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.hubId, scope.hub.id), eq(people.userId, user.id)));
    if (linked) return false;
    const person = await createPerson(tx, scope, personInputSchema.parse({ name: graduate.name, roles: graduate.roles }), noResidentIds);
    const university = await organizationByName(tx, scope.hub, graduate.alumnusOf);
    await createRelation(
      tx,
      scope,
      relationInputSchema.parse({
        kind: 'alumnus_of',
        from: { type: 'person', id: person.id },
        to: { type: 'organization', id: university },
        startsOn: graduate.startsOn,
        endsOn: graduate.endsOn,
        degree: graduate.degree,
        source: { note: graduate.source },
      }),
    );
    // No service links a person to an account yet (people sign up before staff know them);
    // the demo does it directly so the graduate can apply to person programs as themselves.
    await tx
      .update(people)
      .set({ userId: user.id, updatedAt: new Date() })
      .where(and(eq(people.hubId, scope.hub.id), eq(people.id, person.id)));
    return true;
  });
}

async function organizationByName(tx: Tx, hub: HubRow, nameEn: string): Promise<string> {
  const [row] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.hubId, hub.id), eq(organizations.nameEn, nameEn)))
    .limit(1);
  if (!row) throw new Error(`seed/programs.json: no organisation "${nameEn}" in ${hub.slug}: seed the organisations first`);
  return row.id;
}

/** A UUID (v4 layout) from a name: the same name always gives the same id. */
function stableUuid(name: string): string {
  const hex = createHash('sha256').update(`dragongate-seed:${name}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The seed graduate carries no resident identity number, so nothing is ever encrypted. */
const noResidentIds: FieldCrypto = {
  suite: 'international',
  encrypt: () => {
    throw new Error('the demo graduate carries no resident identity number');
  },
  decrypt: () => {
    throw new Error('the demo graduate carries no resident identity number');
  },
  digest: () => {
    throw new Error('the demo graduate carries no resident identity number');
  },
  otherDigests: () => {
    throw new Error('the demo graduate carries no resident identity number');
  },
};

import { and, eq } from 'drizzle-orm';
import { dragonRuleSchema, type DragonRule } from '../../contracts/ecosystem-insights.js';
import { factInputSchema } from '../../contracts/facts.js';
import { personInputSchema } from '../../contracts/people.js';
import { relationInputSchema } from '../../contracts/relations.js';
import { setDragonRule } from '../modules/ecosystem/dragons.js';
import { addFact } from '../modules/ecosystem/facts.service.js';
import { dragonRules } from '../modules/ecosystem/facts.tables.js';
import { organizations } from '../modules/ecosystem/organizations.tables.js';
import type { Scope } from '../modules/ecosystem/organizations.service.js';
import { createPerson } from '../modules/ecosystem/people.service.js';
import { people } from '../modules/ecosystem/people.tables.js';
import { createRelation } from '../modules/ecosystem/relations.service.js';
import { findUserByEmail } from '../platform/auth/users.js';
import type { FieldCrypto } from '../platform/crypto/fields.js';
import { findHub, loadActor, type HubRow } from '../platform/tenancy/tenancy.js';
import type { Db, Tx } from './connection.js';
import { readSeed } from './demo-year.js';
import { withTransaction } from './transaction.js';

/**
 * The demo hubs' ecosystem (seed/people.json, relations.json, facts.json,
 * dragon-rules.json): people, relations, facts and the dragon rule, recorded through the
 * real services as the hub's demo admin, one transaction per hub, so every row is
 * validated, dated and audited as if an admin had typed it. Rows refer to organisations
 * and people by English name within their hub; every row carries its source.
 *
 * Idempotent: a hub that already has people keeps them (its people, relations and facts
 * are skipped), and a hub that already has a dragon rule keeps it.
 */

const read = readSeed;

type Name = { zh: string; en: string };
type Source = { note?: string; url?: string };
export type SeedPerson = { hub: string; name: Name; roles: string[]; source: string };
export type SeedRelation = {
  hub: string;
  kind: string;
  from: { person: string } | { organization: string };
  to: string;
  startsOn?: string;
  endsOn?: string;
  title?: string;
  degree?: string;
  round?: string;
  amount?: { amountMinor: string; currency: string };
  source: Source;
};
export type SeedFact = { hub: string; organization: string; metric: string; asOf: string; money?: unknown; quantity?: string; label?: string; source: Source };
export type SeedDragonRule = { hub: string; designated: string[]; minValuation: DragonRule['minValuation']; foundedFrom: number | null; source: string };
type SeedOrganization = { hub: string; name: Name; uscc: string };
type DemoAccount = { email: string; hub: string; roles: string[] };

export type EcosystemSeed = {
  people: SeedPerson[];
  relations: SeedRelation[];
  facts: SeedFact[];
  rules: SeedDragonRule[];
  organizations: SeedOrganization[];
  accounts: DemoAccount[];
};

export function readEcosystemSeed(): EcosystemSeed {
  return {
    people: read<{ people: SeedPerson[] }>('people.json').people,
    relations: read<{ relations: SeedRelation[] }>('relations.json').relations,
    facts: read<{ facts: SeedFact[] }>('facts.json').facts,
    rules: read<{ rules: SeedDragonRule[] }>('dragon-rules.json').rules,
    organizations: read<{ organizations: SeedOrganization[] }>('organizations.json').organizations,
    accounts: read<{ accounts: DemoAccount[] }>('demo-accounts.json').accounts,
  };
}

/** The hubs that have ecosystem rows, in file order. */
export function ecosystemHubs(seed: EcosystemSeed): string[] {
  const slugs = [...seed.people, ...seed.relations, ...seed.facts, ...seed.rules].map((r) => r.hub);
  return [...new Set(slugs)];
}

/** Seed people carry no resident identity numbers, so nothing is ever encrypted. */
const noResidentIds: FieldCrypto = {
  suite: 'international',
  encrypt: () => {
    throw new Error('demo seed people carry no resident identity numbers');
  },
  decrypt: () => {
    throw new Error('demo seed people carry no resident identity numbers');
  },
  digest: () => {
    throw new Error('demo seed people carry no resident identity numbers');
  },
  otherDigests: () => {
    throw new Error('demo seed people carry no resident identity numbers');
  },
};

export type EcosystemResult = { hub: string; people: number; relations: number; facts: number; rule: boolean };

/** Seeds every hub named in the ecosystem files; returns what each hub received. */
export async function seedEcosystem(db: Db, onHub: (slug: string) => void = () => {}, seed = readEcosystemSeed()): Promise<EcosystemResult[]> {
  const results: EcosystemResult[] = [];
  for (const slug of ecosystemHubs(seed)) {
    results.push(await seedHubEcosystem(db, seed, slug));
    onHub(slug);
  }
  return results;
}

async function seedHubEcosystem(db: Db, seed: EcosystemSeed, slug: string): Promise<EcosystemResult> {
  const hub = await findHub(db, slug);
  const scope: Scope = { hub, actor: await loadActor(db, hub.id, await adminOf(db, seed, slug)) };
  const inHub = <T extends { hub: string }>(rows: T[]) => rows.filter((r) => r.hub === slug);
  const usccs = new Map(inHub(seed.organizations).map((o) => [o.name.en, o.uscc]));

  return withTransaction(db, async (tx) => {
    const result: EcosystemResult = { hub: slug, people: 0, relations: 0, facts: 0, rule: false };
    const orgId = organizationResolver(tx, hub, usccs);

    if (!(await hasPeople(tx, hub.id))) {
      const personIds = new Map<string, string>();
      for (const row of inHub(seed.people)) {
        if (personIds.has(row.name.en)) throw new Error(`seed/people.json: ${slug} lists ${row.name.en} twice`);
        const input = parse(personInputSchema, { name: row.name, roles: row.roles }, `person ${row.name.en} (${slug})`);
        personIds.set(row.name.en, (await createPerson(tx, scope, input, noResidentIds)).id);
        result.people++;
      }
      const personId = (name: string) => {
        const id = personIds.get(name);
        if (!id) throw new Error(`seed/relations.json: no person "${name}" in seed/people.json for ${slug}`);
        return id;
      };
      for (const row of inHub(seed.relations)) {
        const from =
          'person' in row.from
            ? { type: 'person' as const, id: personId(row.from.person) }
            : { type: 'organization' as const, id: await orgId(row.from.organization) };
        const { hub: _hub, from: _from, to, ...rest } = row;
        const what = `relation ${row.kind} ${'person' in row.from ? row.from.person : row.from.organization} -> ${to} (${slug})`;
        const input = parse(relationInputSchema, { ...rest, from, to: { type: 'organization', id: await orgId(to) } }, what);
        await named(what, () => createRelation(tx, scope, input));
        result.relations++;
      }
      for (const row of inHub(seed.facts)) {
        const { hub: _hub, organization, ...rest } = row;
        const what = `fact ${row.metric} of ${organization} (${slug})`;
        const input = parse(factInputSchema, rest, what);
        const id = await orgId(organization);
        await named(what, () => addFact(tx, scope, id, input));
        result.facts++;
      }
    }

    const [ruleRow] = await tx.select({ hubId: dragonRules.hubId }).from(dragonRules).where(eq(dragonRules.hubId, hub.id));
    const rule = inHub(seed.rules)[0];
    if (rule && !ruleRow) {
      const designated = [];
      for (const name of rule.designated) designated.push(await orgId(name));
      const value = parse(dragonRuleSchema, { minValuation: rule.minValuation, foundedFrom: rule.foundedFrom, designated }, `dragon rule (${slug})`);
      await setDragonRule(tx, hub, scope.actor, value);
      result.rule = true;
    }
    return result;
  });
}

/** The hub's demo admin (seed/demo-accounts.json), whose account seedDemo has created. */
async function adminOf(db: Db, seed: EcosystemSeed, slug: string): Promise<string> {
  const account = seed.accounts.find((a) => a.hub === slug && a.roles.includes('hub_admin'));
  if (!account) throw new Error(`seed/demo-accounts.json: no hub_admin account for ${slug}`);
  const user = await findUserByEmail(db, account.email);
  if (!user) throw new Error(`demo account ${account.email} is missing: seed the accounts first`);
  return user.id;
}

/** Organisation ids by English name, through the seed's USCC (unique in a hub, unlike names). */
function organizationResolver(tx: Tx, hub: HubRow, usccs: Map<string, string>) {
  const cache = new Map<string, string>();
  return async (name: string): Promise<string> => {
    const known = cache.get(name);
    if (known) return known;
    const uscc = usccs.get(name);
    if (!uscc) throw new Error(`seed: no organisation "${name}" for ${hub.slug} in seed/organizations.json`);
    const [row] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(eq(organizations.hubId, hub.id), eq(organizations.uscc, uscc)));
    if (!row) throw new Error(`seed: organisation "${name}" (${uscc}) is not in hub ${hub.slug}: seed the organisations first`);
    cache.set(name, row.id);
    return row.id;
  };
}

async function hasPeople(tx: Tx, hubId: string): Promise<boolean> {
  const rows = await tx.select({ id: people.id }).from(people).where(eq(people.hubId, hubId)).limit(1);
  return rows.length > 0;
}

/** Runs one service call, naming the seed row in any refusal (AppError carries field problems). */
async function named<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const fields = (error as { fields?: unknown[] }).fields;
    const detail = fields?.length ? ` ${JSON.stringify(fields)}` : '';
    throw new Error(`seed: ${what} refused: ${(error as Error).message}${detail}`, { cause: error });
  }
}

function parse<T>(
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } },
  value: unknown,
  what: string,
): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.map(String).join('.') || '(row)'}: ${i.message}`).join('; ');
  throw new Error(`seed: invalid ${what}: ${problems}`);
}

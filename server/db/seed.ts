import type { HubRole } from '../../contracts/auth.js';
import type { HubBasics } from '../../contracts/hubs.js';
import { organizationInputSchema } from '../../contracts/organizations.js';
import { createOrganization } from '../modules/ecosystem/index.js';
import { runMatching } from '../modules/programs/index.js';
import { createAccount } from '../platform/auth/accounts.js';
import type { Auth } from '../platform/auth/auth.js';
import { findHub, listHubRows, loadActor } from '../platform/tenancy/tenancy.js';
import { createHub, grantHubRole } from '../platform/tenancy/tenancy.service.js';
import type { Db } from './connection.js';
import { readSeed } from './demo-year.js';
import { ecosystemHubs, readEcosystemSeed, seedEcosystem } from './seed-ecosystem.js';
import { linkReviewers, readProgramsSeed, seedPrograms } from './seed-programs.js';
import { seedCompute } from './seed-compute.js';
import { seedSpaces } from './seed-spaces.js';
import { seedStays } from './seed-stays.js';
import { withTransaction } from './transaction.js';

const read = readSeed;

type DemoAccount = { email: string; name: string; hub: string; roles: HubRole[]; owns?: string };
type SeedOrganization = { hub: string; name: { en: string }; owner?: string } & Record<string, unknown>;

export type Progress = (step: string, done: number, total: number) => void;

/** The demo hubs as seed/hubs.json has them. */
export const readHubsSeed = (): HubBasics[] => read<{ hubs: HubBasics[] }>('hubs.json').hubs;

/** The demo hubs (Hangzhou, Shenzhen, Beijing): created once, skipped when present. */
export async function seedHubs(db: Db): Promise<number> {
  const present = new Set((await listHubRows(db)).map((h) => h.slug));
  const hubs = readHubsSeed();
  let created = 0;
  for (const hub of hubs) {
    if (present.has(hub.slug)) continue;
    await createHub(db, hub);
    created++;
  }
  return created;
}

/**
 * Demo accounts with their roles, the seed organisations, then each hub's ecosystem
 * (people, relations, facts, dragon rule: see seed-ecosystem.ts), then Hangzhou's fiscal
 * year and programs (seed-programs.ts), youth stations and talent catalogue
 * (seed-stays.ts), office space with Game Science's hold and BrainCo's lease
 * (seed-spaces.ts); safe to run twice.
 */
export async function seedDemo(db: Db, auth: Auth, progress: Progress = () => {}): Promise<void> {
  await seedHubs(db);
  const { accounts, password } = read<{ accounts: DemoAccount[]; password: string }>('demo-accounts.json');
  const { organizations } = read<{ organizations: SeedOrganization[] }>('organizations.json');
  const ecosystem = readEcosystemSeed();
  const programs = readProgramsSeed();
  const total = accounts.length + organizations.length + ecosystemHubs(ecosystem).length + 5;
  let done = 0;
  const owners = new Map<string, string>();
  for (const account of accounts) {
    const userId = await createAccount(db, auth, { email: account.email, name: account.name, password });
    const hub = await findHub(db, account.hub);
    await withTransaction(db, async (tx) => {
      for (const role of account.roles) await grantHubRole(tx, { hubId: hub.id, userId, role, actorId: null });
    });
    if (account.owns) owners.set(account.owns, userId);
    progress('accounts', ++done, total);
  }
  for (const org of organizations) {
    const hub = await findHub(db, org.hub);
    const ownerId = owners.get(org.name.en) ?? (await createAccount(db, auth, accountFor(org, password)));
    const actor = await loadActor(db, hub.id, ownerId);
    const input = organizationInputSchema.parse(pick(org, ['kind', 'name', 'uscc', 'foundedOn', 'sectors', 'website', 'district']));
    await withTransaction(db, async (tx) => {
      try {
        await createOrganization(tx, { hub, actor }, input);
      } catch (error) {
        if ((error as { code?: string }).code !== 'DUPLICATE_USCC') throw error;
      }
    });
    progress('organisations', ++done, total);
  }
  await seedEcosystem(db, () => progress('ecosystem', ++done, total), ecosystem);
  const admin = accounts.find((a) => a.hub === programs.hub && a.roles.includes('hub_admin'));
  if (!admin) throw new Error(`seed/demo-accounts.json: no hub_admin account for ${programs.hub}`);
  await seedPrograms(db, admin.email, programs);
  await linkReviewers(db, programs);
  progress('programs', ++done, total);
  await seedStays(db, admin.email);
  progress('stays', ++done, total);
  await seedSpaces(db, admin.email);
  progress('spaces', ++done, total);
  await seedCompute(db);
  progress('compute', ++done, total);
  // Policies find their applicants from the first start: "programs you qualify for" is filled.
  await runMatching(db, { hub: await findHub(db, programs.hub), actor: { userId: null, hubRoles: ['hub_admin'] } });
  progress('matching', ++done, total);
}

/** Each seed organisation gets a contact account of its own, so no one person owns them all. */
function accountFor(org: SeedOrganization, password: string) {
  const local = org.name.en
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return { email: `contact@${local}.${org.hub}.demo`, name: `${org.name.en} contact`, password };
}

function pick(source: Record<string, unknown>, keys: string[]) {
  return Object.fromEntries(keys.filter((k) => source[k] !== null && source[k] !== undefined).map((k) => [k, source[k]]));
}

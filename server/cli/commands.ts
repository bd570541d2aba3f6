import { hubRoles, type HubRole } from '../../contracts/auth.js';
import { seedDemo, seedHubs } from '../db/seed.js';
import { withTransaction } from '../db/transaction.js';
import { verifyAuditChain, countAuditEvents } from '../platform/audit/audit.js';
import { createAccount } from '../platform/auth/accounts.js';
import { createAuth } from '../platform/auth/auth.js';
import type { Config } from '../platform/config.js';
import { refusal } from './refusal.js';
import { findHub, listHubRows } from '../platform/tenancy/tenancy.js';
import { grantHubRole } from '../platform/tenancy/tenancy.service.js';
import { openDatabase } from './database.js';
import { progressBar } from './progress.js';

const out = (line: string) => process.stdout.write(line + '\n');

export async function migrate(config: Config): Promise<number> {
  const database = await openDatabase(config);
  await database.shutdown();
  out('Migrations applied.');
  return 0;
}

export async function seed(config: Config, demo: boolean): Promise<number> {
  const database = await openDatabase(config);
  try {
    if (demo) {
      const bar = progressBar('Seeding demo data');
      await seedDemo(database.db, createAuth(database.db, config), (_s, done, total) => bar.update(done, total));
      bar.stop();
      out('Demo hubs, accounts and organisations are in place.');
    } else {
      out(`Hubs created: ${await seedHubs(database.db)}.`);
    }
    return 0;
  } finally {
    await database.shutdown();
  }
}

export async function createUser(config: Config, args: { email?: string; name?: string; password?: string; hub?: string; role?: string }): Promise<number> {
  const password = args.password ?? process.env.DRAGONGATE_PASSWORD;
  if (!args.email || !password) {
    out('usage: dragongate users create --email E [--name N] --password P (or DRAGONGATE_PASSWORD) [--hub SLUG --role ROLE]');
    return 2;
  }
  if (args.role && !(hubRoles as readonly string[]).includes(args.role)) {
    out(`unknown role ${args.role}; one of: ${hubRoles.join(', ')}`);
    return 2;
  }
  const database = await openDatabase(config);
  try {
    const userId = await createAccount(database.db, createAuth(database.db, config), { email: args.email, name: args.name ?? args.email, password });
    if (args.hub && args.role) {
      const hub = await findHub(database.db, args.hub);
      await withTransaction(database.db, (tx) => grantHubRole(tx, { hubId: hub.id, userId, role: args.role as HubRole, actorId: null }));
    }
    out(`User ${args.email} ready (${userId}).`);
    return 0;
  } catch (error) {
    return refusal(error);
  } finally {
    await database.shutdown();
  }
}

/** Recomputes every hub's chain (or one); exit 1 naming the first broken event. */
export async function auditVerify(config: Config, hubSlug: string | undefined): Promise<number> {
  const database = await openDatabase(config);
  try {
    const hubs = hubSlug ? [await findHub(database.db, hubSlug)] : await listHubRows(database.db);
    let failed = 0;
    for (const hub of hubs) {
      const total = await countAuditEvents(database.db, hub.id);
      const bar = progressBar(`Verifying ${hub.slug}`);
      const result = await verifyAuditChain(database.db, hub.id, (done) => bar.update(done, total));
      bar.stop();
      if (result.break) {
        failed++;
        out(`BROKEN ${hub.slug}: event seq ${result.break.seq} ${result.break.id} (${result.break.reason})`);
      } else {
        out(`ok ${hub.slug}: ${result.events} events`);
      }
    }
    return failed ? 1 : 0;
  } finally {
    await database.shutdown();
  }
}

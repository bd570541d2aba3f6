import { hubRoles, type HubRole } from '../../contracts/auth.js';
import { seedDemo, seedHubs } from '../db/seed.js';
import { withTransaction } from '../db/transaction.js';
import { verifyAuditChain, countAuditEvents } from '../platform/audit/audit.js';
import { verifyCheckpoints, writeCheckpoint } from '../platform/audit/checkpoints.js';
import { createAccount } from '../platform/auth/accounts.js';
import { createAuth } from '../platform/auth/auth.js';
import type { Config } from '../platform/config.js';
import { refusal } from './refusal.js';
import { findHub } from '../platform/tenancy/tenancy.js';
import { auditChains, type AuditChain } from '../platform/audit/deployment-chain.js';
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
    out(`Account ${args.email} is ready${args.hub && args.role ? ` (${args.role} in ${args.hub})` : ''}.`);
    return 0;
  } catch (error) {
    return refusal(error);
  } finally {
    await database.shutdown();
  }
}

/** Every audit chain, or the one named (`deployment` for the deployment's own; else 404 as a refusal). */
async function chainsNamed(db: Parameters<typeof auditChains>[0], slug: string | undefined): Promise<AuditChain[]> {
  const all = await auditChains(db);
  if (!slug) return all;
  const chain = all.find((c) => c.slug === slug);
  if (!chain) await findHub(db, slug); // throws NOT_FOUND
  return [chain!];
}

/**
 * Recomputes every hub's chain (or one); exit 1 naming the first broken event. With
 * `--checkpoints`, also checks the events against the signed checkpoints kept outside the
 * database, which catches a chain rewritten with valid-looking hashes.
 */
export async function auditVerify(config: Config, hubSlug: string | undefined, checkpoints = false): Promise<number> {
  const database = await openDatabase(config);
  try {
    const hubs = await chainsNamed(database.db, hubSlug);
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
      if (!checkpoints) continue;
      const signed = await verifyCheckpoints(database.db, config, hub.id);
      if (signed.break) {
        failed++;
        out(`BROKEN ${hub.slug}: event seq ${signed.break.seq} ${signed.break.id} (${signed.break.reason}, ${signed.break.file})`);
      } else {
        out(`ok ${hub.slug}: ${signed.events} events match ${signed.checkpoints} signed checkpoints`);
      }
    }
    return failed ? 1 : 0;
  } finally {
    await database.shutdown();
  }
}

/** Writes a signed checkpoint of every hub's chain (or one) now, as the job does. */
export async function auditCheckpoint(config: Config, hubSlug: string | undefined): Promise<number> {
  const database = await openDatabase(config);
  try {
    const hubs = await chainsNamed(database.db, hubSlug);
    for (const hub of hubs) {
      const checkpoint = await writeCheckpoint(database.db, config, hub.id);
      out(
        checkpoint ? `checkpoint ${hub.slug}: events ${checkpoint.fromSeq + 1}-${checkpoint.toSeq} (${checkpoint.alg})` : `checkpoint ${hub.slug}: nothing new`,
      );
    }
    return 0;
  } finally {
    await database.shutdown();
  }
}

import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { HubRole } from '../../contracts/auth.js';
import type { FlavorInput, PoolInput } from '../../contracts/compute.js';
import type { Db } from '../db/connection.js';
import { withTransaction } from '../db/transaction.js';
import { createComputePool } from '../modules/compute/pools.service.js';
import { setComputeQuota } from '../modules/compute/quotas.service.js';
import { submitComputeRequest } from '../modules/compute/requests.service.js';
import { createOrganization } from '../modules/ecosystem/index.js';
import { createProgram, publishProgram } from '../modules/programs/programs.service.js';
import { submitApplication } from '../modules/programs/applications.service.js';
import type { HubRow } from '../platform/tenancy/tenancy.js';
import { fundedYear } from './budget-factories.js';
import { organizationInput } from './factories.js';
import { computeVoucherDraft } from './program-factories.js';
import { as, createTestHub, createTestUser, type TestContext, type TestUser } from './harness.js';
import { openWindow } from './test-window.js';

export type Actor = { userId: string; hubRoles: HubRole[] };

export async function userActor(db: Db, hubRoles: HubRole[] = []): Promise<Actor> {
  const { rows } = await db.execute<{ id: string }>(
    sql`INSERT INTO users (id, name, email, email_verified) VALUES (gen_random_uuid(), 'U', ${`u-${randomUUID()}@test.example`}, true) RETURNING id`,
  );
  return { userId: rows[0]!.id, hubRoles };
}

export const flavor = (over: Partial<FlavorInput> = {}): FlavorInput => ({
  code: 'h20',
  model: 'H20',
  vendor: 'nvidia',
  domestic: false,
  gpuMemoryGib: 96,
  cpuPerGpu: 16,
  memoryGibPerGpu: 128,
  gpus: 8,
  pricePerGpuHour: '2000',
  ...over,
});

export type ComputeWorld = Awaited<ReturnType<typeof computeWorld>>;

/**
 * A hub's compute: an operator, a provider (with a person of its own) and its pool of
 * the given flavors, and `startups` companies with founders and quotas on the first
 * flavor; with `voucher`, each startup holds a compute-voucher award (usage tranche)
 * funding its quota.
 */
export async function computeWorld(
  db: Db,
  hub: HubRow,
  options: {
    flavors?: FlavorInput[];
    /** Maintenance windows of the pool (by flavor code). */
    maintenance?: PoolInput['maintenance'];
    startups?: number;
    /** The quota's period is around today unless named ([periodStart, periodEnd)). */
    quota?: { concurrentGpus: number; borrowingLimit: number | null; gpuHours?: number; periodStart?: string; periodEnd?: string };
    voucher?: { contract: string; chips?: 'domestic' | 'other' };
    people?: { operator?: Actor; provider?: Actor; founders?: Actor[] };
  } = {},
) {
  const operator = options.people?.operator ?? (await userActor(db, ['compute_operator']));
  const providerPerson = options.people?.provider ?? (await userActor(db));
  const provider = await withTransaction(db, (tx) =>
    createOrganization(tx, { hub, actor: providerPerson }, organizationInput({ kind: 'compute_provider', sectors: ['cloud_computing'] }) as never),
  );
  const { pool, flavors } = await withTransaction(db, (tx) =>
    createComputePool(
      tx,
      { hub, actor: operator },
      {
        providerId: provider.id,
        name: { zh: '测试算力池', en: 'Test pool' },
        region: 'Hangzhou',
        flavors: options.flavors ?? [flavor()],
        maintenance: options.maintenance ?? [],
      },
    ),
  );
  let programId: string | null = null;
  if (options.voucher) {
    await fundedYear(db, hub, { 'compute-vouchers': 1_000_000_000_000n }, 10_000_000_000_000n);
    const officer = { userId: randomUUID(), hubRoles: ['program_officer' as const] };
    const draft = computeVoucherDraft({ onePerApplicant: false });
    (draft.rules.benefit as { tranches: unknown }).tranches = [{ shareBasisPoints: 10000, condition: { kind: 'metered_usage' } }];
    const program = await withTransaction(db, (tx) => createProgram(tx, { hub, actor: officer }, draft as never));
    await withTransaction(db, (tx) => publishProgram(tx, { hub, actor: officer }, program.id));
    programId = program.id;
  }
  const startups: { founder: Actor; orgId: string; awardId: string | null }[] = [];
  for (let i = 0; i < (options.startups ?? 1); i++) {
    const founder = options.people?.founders?.[i] ?? (await userActor(db));
    const org = await withTransaction(db, (tx) =>
      createOrganization(tx, { hub, actor: founder }, organizationInput({ kind: 'startup', sectors: ['ai'] }) as never),
    );
    let awardId: string | null = null;
    if (programId && options.voucher) {
      const answers = { contract_number: randomUUID(), contract_amount: options.voucher.contract, chips: options.voucher.chips ?? 'domestic' };
      awardId = (await submitApplication(db, { hub, actor: founder }, programId!, { organizationId: org.id, answers })).row.id;
    }
    const q = options.quota ?? { concurrentGpus: 8, borrowingLimit: 0 };
    await withTransaction(db, (tx) =>
      setComputeQuota(
        tx,
        { hub, actor: operator },
        {
          organizationId: org.id,
          flavorId: flavors[0]!.id,
          periodStart: q.periodStart ?? openWindow().opensOn,
          periodEnd: q.periodEnd ?? openWindow().closesOn,
          gpuHours: q.gpuHours ?? 100_000,
          concurrentGpus: q.concurrentGpus,
          borrowingLimit: q.borrowingLimit,
          lendingLimit: null,
          cohort: 'startups',
          weight: 1,
          awardId,
        },
      ),
    );
    startups.push({ founder, orgId: org.id, awardId });
  }
  return { operator, providerPerson, provider, pool, flavors, startups };
}

/** The header row of a provider's usage file (CSV). */
export const USAGE_FILE_HEADER = 'recordId,requestId,flavorId,gpuHours,startedAt,endedAt,cost,corrects\r\n';

/**
 * One request of the world's first startup, through the API: one GPU (or `gpus`) of the first
 * flavor for two hours, deadline two days out (on the hour); it must be admitted at once (running).
 */
export async function runningRequest<T>(ctx: TestContext, founder: TestUser, hub: HubRow, world: ComputeWorld, gpus = 1): Promise<T> {
  const HOUR = 3_600_000;
  const deadline = new Date((Math.floor(Date.now() / HOUR) + 48) * HOUR).toISOString();
  const res = await ctx.app.inject(
    as(founder, {
      method: 'POST',
      url: `/api/hubs/${hub.slug}/compute/requests`,
      payload: { organizationId: world.startups[0]!.orgId, flavor: world.flavors[0]!.id, gpus, hours: 2, deadline },
    }),
  );
  if (res.json().status !== 'running') throw new Error(`the request was not admitted at once: ${res.body}`);
  return res.json() as T;
}

/**
 * Like `runningRequest`, but submitted (through the service, at that clock) on the hour
 * `hoursAgo` hours ago: its two hours, and with the default the hour after them, are over,
 * so a provider may meter them now. Answered as the API shows it (status `finished`).
 */
export async function finishedRequest<T>(ctx: TestContext, founder: TestUser, hub: HubRow, world: ComputeWorld, gpus = 1, hoursAgo = 3): Promise<T> {
  const HOUR = 3_600_000;
  const then = new Date((Math.floor(Date.now() / HOUR) - hoursAgo) * HOUR);
  const startup = world.startups[0]!;
  const row = await withTransaction(ctx.database.db, (tx) =>
    submitComputeRequest(
      tx,
      { hub, actor: startup.founder },
      {
        organizationId: startup.orgId,
        flavor: world.flavors[0]!.id,
        gpus,
        hours: 2,
        deadline: new Date(then.getTime() + 48 * HOUR).toISOString(),
        priority: 'normal',
      },
      then,
    ),
  );
  if (row.startAt?.getTime() !== then.getTime()) throw new Error(`the request was not admitted at once: ${row.status} from ${row.startAt?.toISOString()}`);
  const res = await ctx.app.inject(as(founder, { method: 'GET', url: `/api/hubs/${hub.slug}/compute/requests/${row.id}` }));
  return res.json() as T;
}

const HOUR_MS = 3_600_000;
/** The start of the hour `h` hours from now, as an ISO moment (a request's deadline or start). */
export const inHours = (h: number) => new Date((Math.floor(Date.now() / HOUR_MS) + h) * HOUR_MS).toISOString();

/**
 * A hub with one 16-GPU flavor (list price CNY 20 a GPU-hour unless told) and a compute voucher,
 * its people as accounts: the compute operator, a provider's person and a startup's founder
 * (the usage tests meter through them).
 */
export async function meteredWorld(
  ctx: TestContext,
  pricePerGpuHour = '2000',
): Promise<{ hub: HubRow; operator: TestUser; provider: TestUser; founder: TestUser; world: ComputeWorld }> {
  const hub = await createTestHub(ctx);
  const operator = await createTestUser(ctx, { hub, roles: ['compute_operator'] });
  const provider = await createTestUser(ctx);
  const founder = await createTestUser(ctx);
  const world = await computeWorld(ctx.database.db, hub, {
    flavors: [flavor({ gpus: 16, pricePerGpuHour })],
    voucher: { contract: '100000000', chips: 'other' },
    people: {
      operator: { userId: operator.id, hubRoles: ['compute_operator'] },
      provider: { userId: provider.id, hubRoles: [] },
      founders: [{ userId: founder.id, hubRoles: [] }],
    },
  });
  return { hub, operator, provider, founder, world };
}

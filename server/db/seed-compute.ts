import { and, eq } from 'drizzle-orm';
import { flavorInputSchema, type FlavorInput } from '../../contracts/compute.js';
import { organizationInputSchema } from '../../contracts/organizations.js';
import { computePools } from '../modules/compute/compute.tables.js';
import { createComputePool } from '../modules/compute/pools.service.js';
import { setComputeQuota } from '../modules/compute/quotas.service.js';
import { submitComputeRequest } from '../modules/compute/requests.service.js';
import { reportComputeUsage } from '../modules/compute/usage.service.js';
import { createOrganization } from '../modules/ecosystem/index.js';
import { organizations } from '../modules/ecosystem/organizations.tables.js';
import { submitApplication } from '../modules/programs/applications.service.js';
import { programs } from '../modules/programs/programs.tables.js';
import { findUserByEmail } from '../platform/auth/users.js';
import { storeFile } from '../platform/files/files.service.js';
import { findHub, loadActor } from '../platform/tenancy/tenancy.js';
import type { Db } from './connection.js';
import { readSeed, seedYear } from './demo-year.js';
import { withTransaction } from './transaction.js';

const HOUR = 3_600_000;

type Quota = { flavor: string; gpuHours: number; concurrentGpus: number; borrowingLimit: number };
export type ComputeSeed = {
  hub: string;
  operator: string;
  cityCentre: Record<string, unknown>;
  pools: { provider: string; name: { zh: string; en: string }; region: string; flavors: FlavorInput[] }[];
  startups: {
    name: string;
    voucher?: { account: string; contractNumber: string; contractAmount: string; chips: string };
    quotas: Quota[];
    cohort: string;
    daily: { gpus: number; hours: number };
  }[];
};

export function readComputeSeed(): ComputeSeed {
  return readSeed<ComputeSeed>('compute.json');
}

/**
 * Hangzhou's demo compute, through the services: the city centre as a provider, an
 * Alibaba-Cloud pool (H20, A800) and the city centre's Ascend 910B pool, quotas for three
 * startups (the demo startup's from its compute-voucher award), and a month of usage:
 * one job a day each, admitted as of that day and metered by the operator, so the
 * voucher has paid its share. Skipped when the hub has pools already.
 */
export async function seedCompute(db: Db, seed = readComputeSeed(), now = new Date()): Promise<{ pools: number; requests: number }> {
  const hub = await findHub(db, seed.hub);
  const [present] = await db.select({ id: computePools.id }).from(computePools).where(eq(computePools.hubId, hub.id)).limit(1);
  if (present) return { pools: 0, requests: 0 };
  const operatorUser = await findUserByEmail(db, seed.operator);
  if (!operatorUser) throw new Error(`demo account ${seed.operator} must exist: seed the accounts first`);
  const operator = { hub, actor: await loadActor(db, hub.id, operatorUser.id) };
  const orgId = async (nameEn: string) => {
    const [row] = await db
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(eq(organizations.hubId, hub.id), eq(organizations.nameEn, nameEn)));
    return row?.id ?? null;
  };
  if (!(await orgId((seed.cityCentre.name as { en: string }).en))) {
    await withTransaction(db, (tx) => createOrganization(tx, operator, organizationInputSchema.parse(seed.cityCentre)));
  }
  const flavorIds = new Map<string, string>();
  const providerOf = new Map<string, string>();
  for (const p of seed.pools) {
    const providerId = await orgId(p.provider);
    if (!providerId) throw new Error(`seed/compute.json: no organisation "${p.provider}"`);
    const { flavors } = await withTransaction(db, (tx) =>
      createComputePool(
        tx,
        operator,
        { providerId, name: p.name, region: p.region, flavors: p.flavors.map((f) => flavorInputSchema.parse(f)), maintenance: [] },
        new Date(now.getTime() - HOUR),
      ),
    );
    for (const f of flavors) {
      flavorIds.set(f.code, f.id);
      providerOf.set(f.id, providerId);
    }
  }
  const [voucherProgram] = await db
    .select({ id: programs.id })
    .from(programs)
    .where(and(eq(programs.hubId, hub.id), eq(programs.kind, 'compute_voucher')))
    .limit(1);
  let requests = 0;
  for (const s of seed.startups) {
    const organizationId = await orgId(s.name);
    if (!organizationId) throw new Error(`seed/compute.json: no organisation "${s.name}"`);
    let awardId: string | null = null;
    if (s.voucher && voucherProgram) {
      const founder = await findUserByEmail(db, s.voucher.account);
      const actor = await loadActor(db, hub.id, founder!.id);
      const scan = await storeFile(
        db,
        { hub, actor },
        { name: 'compute-contract.pdf', declaredType: 'application/pdf', content: Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n') },
      );
      const answers = {
        contract_number: s.voucher.contractNumber,
        contract_amount: s.voucher.contractAmount,
        chips: s.voucher.chips,
        signed_on: new Date(now.getTime() - 40 * 24 * HOUR).toISOString().slice(0, 10),
        contract_scan: scan.id,
      };
      awardId = (await submitApplication(db, { hub, actor }, voucherProgram.id, { organizationId, answers })).row.id;
    }
    for (const q of s.quotas) {
      await withTransaction(db, (tx) =>
        setComputeQuota(tx, operator, {
          organizationId,
          flavorId: flavorIds.get(q.flavor)!,
          // This year's quota, as the seed's programmes are this year's (demo-year.ts).
          periodStart: `${seedYear(now)}-01-01`,
          periodEnd: `${seedYear(now) + 1}-01-01`,
          gpuHours: q.gpuHours,
          concurrentGpus: q.concurrentGpus,
          borrowingLimit: q.borrowingLimit,
          lendingLimit: null,
          cohort: s.cohort,
          weight: 1,
          awardId,
        }),
      );
    }
  }
  // A month of history: each startup's daily job, admitted as of 09:00 UTC that day, metered when done.
  const today = Math.floor(now.getTime() / (24 * HOUR)) * 24 * HOUR;
  const priceOf = new Map(seed.pools.flatMap((p) => p.flavors).map((f) => [flavorIds.get(f.code)!, BigInt(f.pricePerGpuHour)]));
  for (let day = 30; day >= 1; day--) {
    for (const [i, s] of seed.startups.entries()) {
      const at = new Date(today - day * 24 * HOUR + (9 + i) * HOUR + 60_000);
      const organizationId = (await orgId(s.name))!;
      const flavorId = flavorIds.get(s.quotas[day % s.quotas.length]!.flavor)!;
      const gpus = Math.max(1, s.daily.gpus - (day % 3));
      const req = await withTransaction(db, (tx) =>
        submitComputeRequest(
          tx,
          operator,
          { organizationId, flavor: flavorId, gpus, hours: s.daily.hours, deadline: new Date(at.getTime() + 30 * HOUR).toISOString(), priority: 'normal' },
          at,
        ),
      );
      if (!req?.startAt || !req.endAt) continue;
      requests++;
      const price = priceOf.get(flavorId)!;
      await withTransaction(db, (tx) =>
        reportComputeUsage(
          tx,
          operator,
          {
            providerId: providerOf.get(flavorId)!,
            records: [
              {
                recordId: `demo-${req.reference}`,
                requestId: req.id,
                flavorId,
                gpuHours: String(gpus * s.daily.hours),
                startedAt: req.startAt!.toISOString(),
                endedAt: req.endAt!.toISOString(),
                cost: String(price * BigInt(gpus * s.daily.hours)),
                corrects: null,
              },
            ],
          },
          { via: 'api' },
          now,
        ),
      );
    }
  }
  return { pools: seed.pools.length, requests };
}

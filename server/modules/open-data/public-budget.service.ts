import type { PublicBudget } from '../../../contracts/open-data.js';
import type { Db } from '../../db/connection.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { presentEnvelope, publicYearFigures, totalsByGroup } from '../budget/index.js';
import { publicProgramSpend } from '../programs/index.js';
import { rentSubsidyGrants } from '../spaces/index.js';
import { carriedProgramSpend } from './carried-spend.js';

/**
 * getPublicBudget: one fiscal year's envelope and how it is spent, per line and per
 * program (an earlier year's program too, where a close carried its awards into this year), read live. Awards to individuals are only counted and summed. A hub without
 * any fiscal year answers zeros; a year the hub never opened is 404 (the route decides).
 */
export async function getPublicBudget(db: Db, hub: HubRow, year?: number): Promise<PublicBudget | null> {
  const figures = await publicYearFigures(db, hub.id, year);
  if (!figures.year) {
    if (year !== undefined) return null;
    return {
      years: figures.years,
      year: null,
      status: null,
      envelope: '0',
      unallocated: '0',
      committed: '0',
      disbursed: '0',
      free: '0',
      lines: [],
      programs: [],
      individuals: { count: 0, amount: '0' },
    };
  }
  const envelope = presentEnvelope(figures.year, figures.accounts, figures.usage);
  const spend = await publicProgramSpend(db, hub.id, figures.year.year);
  // A rent-subsidy program grants per lease (the spaces module's), not per application:
  // its leases count as its awards, and their commitments as what it awarded and paid.
  const leases = await rentSubsidyGrants(
    db,
    hub.id,
    spend.map((p) => p.id),
  );
  // Programs of earlier years whose awards a close carried into this year pay from its lines too.
  const carried = await carriedProgramSpend(db, hub.id, figures.year.year);
  // One query: each program's applications' commitments, then its leases', then the carried ones.
  const totals = await totalsByGroup(db, hub.id, [
    ...spend.map((p) => ({ key: `application:${p.id}`, commitmentIds: p.commitmentIds })),
    ...spend.map((p) => ({ key: `lease:${p.id}`, commitmentIds: leases.get(p.id)?.commitmentIds ?? [] })),
    ...carried.map((p) => ({ key: `carried:${p.id}`, commitmentIds: p.commitmentIds })),
  ]);
  const zero = { awarded: 0n, paid: 0n };
  const total = (pick: (l: (typeof envelope.lines)[number]) => string) => envelope.lines.reduce((s, l) => s + BigInt(pick(l)), 0n).toString();
  return {
    years: figures.years,
    year: envelope.year,
    status: envelope.status,
    envelope: envelope.envelope,
    unallocated: envelope.unallocated,
    committed: total((l) => l.committed),
    disbursed: total((l) => l.disbursed),
    free: total((l) => l.free),
    lines: envelope.lines.map((l) => ({
      code: l.code,
      name: l.name,
      funded: (BigInt(l.free) + BigInt(l.committed) + BigInt(l.disbursed)).toString(),
      committed: l.committed,
      disbursed: l.disbursed,
      free: l.free,
    })),
    programs: spend
      .map((p) => ({
        id: p.id,
        name: { zh: p.zh, en: p.en },
        line: p.line,
        awards: p.awards + (leases.get(p.id)?.leases ?? 0),
        awarded: (p.awarded + (totals.get(`lease:${p.id}`) ?? zero).awarded).toString(),
        disbursed: ((totals.get(`application:${p.id}`) ?? zero).paid + (totals.get(`lease:${p.id}`) ?? zero).paid).toString(),
      }))
      .concat(
        carried.map((p) => ({
          id: p.id,
          name: p.name,
          line: p.line,
          awards: p.commitmentIds.length,
          awarded: (totals.get(`carried:${p.id}`) ?? zero).awarded.toString(),
          disbursed: (totals.get(`carried:${p.id}`) ?? zero).paid.toString(),
        })),
      ),
    individuals: {
      count: spend.reduce((s, p) => s + p.individuals, 0),
      amount: spend.reduce((s, p) => s + p.individualsAmount, 0n).toString(),
    },
  };
}

import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import type { CauseName } from '../../platform/cause-names.js';
import { applicantNames } from '../ecosystem/index.js';
import { programNames } from '../programs/index.js';
import { spaceLeases } from './spaces.tables.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Leases in words for the ledger (a rent subsidy's commitment and payments have the lease
 * as their cause): "<program> · <organisation>" in both languages, and the lease's short
 * reference (e.g. L-…) as the number.
 */
export async function nameLeases(db: Db | Tx, hubId: string, ids: string[]): Promise<Map<string, CauseName>> {
  const wanted = ids.filter((id) => UUID.test(id));
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: spaceLeases.id, ref: spaceLeases.ref, org: spaceLeases.organizationId, program: spaceLeases.programId })
    .from(spaceLeases)
    .where(and(eq(spaceLeases.hubId, hubId), inArray(spaceLeases.id, wanted)));
  const orgs = await applicantNames(db, hubId, 'organization', [...new Set(rows.map((r) => r.org))]);
  const programs = await programNames(db, hubId, [...new Set(rows.flatMap((r) => (r.program ? [r.program] : [])))]);
  return new Map(
    rows.map((r) => {
      const program = (r.program ? programs.get(r.program) : undefined) ?? { zh: '租金补贴', en: 'Rent subsidy' };
      const who = orgs.get(r.org);
      const name = { zh: who ? `${program.zh} · ${who.zh}` : program.zh, en: who ? `${program.en} · ${who.en}` : program.en };
      return [r.id, { name, number: r.ref }];
    }),
  );
}

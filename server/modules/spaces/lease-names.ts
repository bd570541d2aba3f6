import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { grantName, type CauseName } from '../../platform/cause-names.js';
import { applicantNames } from '../ecosystem/index.js';
import { programNames } from '../programs/index.js';
import { spaceLeases } from './spaces.tables.js';

/**
 * Leases in words for the ledger (a rent subsidy's commitment and payments have the lease
 * as their cause): "<program> · <organisation>" in both languages, and the lease's short
 * reference (e.g. L-…) as the number.
 */
export async function nameLeases(db: Db | Tx, hubId: string, ids: string[]): Promise<Map<string, CauseName>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: spaceLeases.id, ref: spaceLeases.ref, org: spaceLeases.organizationId, program: spaceLeases.programId })
    .from(spaceLeases)
    .where(and(eq(spaceLeases.hubId, hubId), inArray(spaceLeases.id, ids)));
  const orgs = await applicantNames(db, hubId, 'organization', [...new Set(rows.map((r) => r.org))]);
  const programs = await programNames(db, hubId, [...new Set(rows.flatMap((r) => (r.program ? [r.program] : [])))]);
  return new Map(
    rows.map((r) => {
      const program = (r.program ? programs.get(r.program) : undefined) ?? { zh: '租金补贴', en: 'Rent subsidy' };
      return [r.id, { name: grantName(program, orgs.get(r.org)), number: r.ref }];
    }),
  );
}

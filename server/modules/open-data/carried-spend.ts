import type { Db } from '../../db/connection.js';
import { carriedIntoYear } from '../budget/index.js';
import { noticedAwards, programNames } from '../programs/index.js';
import { leasePrograms } from '../spaces/index.js';

/** A program of an earlier year that still pays from this year's lines: its carried commitments. */
export type CarriedProgram = { id: string; name: { zh: string; en: string }; line: string; commitmentIds: string[] };

/**
 * The programs whose awards a close carried into this year (the unpaid rest committed again
 * on the line of the same code), each with those commitments: the public page lists them
 * beside the year's own programs, so what its programs paid adds up to what its lines paid.
 */
export async function carriedProgramSpend(db: Db, hubId: string, year: number): Promise<CarriedProgram[]> {
  const carried = await carriedIntoYear(db, hubId, year);
  if (carried.length === 0) return [];
  const causes = (type: string) => carried.filter((c) => c.causeType === type).map((c) => c.causeId);
  const awards = await noticedAwards(db, hubId, causes('application'));
  const leases = await leasePrograms(db, hubId, causes('space_lease'));
  const leaseNames = await programNames(db, hubId, [...new Set(leases.values())]);
  const out = new Map<string, CarriedProgram>();
  for (const c of carried) {
    const program =
      c.causeType === 'application'
        ? awards.get(c.causeId)?.program
        : c.causeType === 'space_lease' && leases.has(c.causeId)
          ? { id: leases.get(c.causeId)!, ...leaseNames.get(leases.get(c.causeId)!)! }
          : undefined;
    if (!program) continue;
    const entry = out.get(program.id) ?? { id: program.id, name: { zh: program.zh, en: program.en }, line: c.line, commitmentIds: [] };
    entry.commitmentIds.push(c.id);
    out.set(program.id, entry);
  }
  return [...out.values()].sort((a, b) => a.name.en.localeCompare(b.name.en) || a.id.localeCompare(b.id));
}

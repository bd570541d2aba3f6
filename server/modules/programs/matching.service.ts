import { and, eq, sql } from 'drizzle-orm';
import type { ProgramRules } from '../../../contracts/programs.js';
import type { Db } from '../../db/connection.js';
import { withTransaction } from '../../db/transaction.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { countApplicants, organizationRecordsPage, personRecordsPage, type OrganizationRecord, type PersonRecord } from '../ecosystem/index.js';
import { momentIn, organizationFacts, personFacts } from './criteria-facts.js';
import type { AwardFact, CriteriaFacts } from './eligibility.js';
import { matchBatch, prepareForMatching, type Match, type MatchProgram } from './matching.js';
import { matchPolicy } from './matches.policies.js';
import type { Scope } from './programs.service.js';
import { programMatches } from './matches.tables.js';
import { applications, programs, programVersions } from './programs.tables.js';
import { localToday } from '../../platform/hub-time.js';

export type MatchingCounts = { programs: number; applicants: number; evaluations: number; matches: number; removed: number; seconds: number };
export type MatchingOptions = {
  /** Only this program (its stale matches are removed too); all open programs otherwise. */
  programId?: string;
  batchSize?: number;
  now?: Date;
  onProgress?: (done: number, total: number) => void;
};

const NIL = '00000000-0000-0000-0000-000000000000';
const MAX = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

/**
 * Runs matching for one hub now: every open program (published, inside its window)
 * against every organisation (organisation programs) and every person with an account
 * (person programs). Applicants stream in keyset pages; each page's matches are written
 * by one statement that upserts them and removes that id range's stale matches, so a
 * second run changes nothing and an applicant who stopped qualifying drops out.
 */
export async function runMatching(db: Db, { hub, actor }: Scope, options: MatchingOptions = {}): Promise<MatchingCounts> {
  matchPolicy.authorize(actor, 'run', { own: false });
  const started = performance.now();
  const now = options.now ?? new Date();
  const moment = momentIn(hub.timeZone, now);
  const batchSize = options.batchSize ?? 2_000;
  const { open, closed } = await programsToMatch(db, hub, now, options.programId);
  const counts: MatchingCounts = { programs: open.length, applicants: 0, evaluations: 0, matches: 0, removed: 0, seconds: 0 };
  counts.removed += await removeOutdated(db, hub.id, open, closed, options.programId === undefined);

  const byType = { organization: open.filter((p) => p.applicantType === 'organization'), person: open.filter((p) => p.applicantType === 'person') };
  const totals = await countApplicants(db, hub.id);
  const total = (byType.organization.length ? totals.organizations : 0) + (byType.person.length ? totals.people : 0);
  for (const type of ['organization', 'person'] as const) {
    const progs = byType[type];
    if (progs.length === 0) continue;
    // A pipeline: the next page is read and earlier pages are written while this one is
    // evaluated. Promises get a no-op catch so a failure waits for its await, not crashes.
    const load = (after: string | null) => quiet(loadPage(db, hub, type, after, batchSize));
    const writes: Promise<{ removed: number }>[] = [];
    let after: string | null = null;
    let next = load(null);
    for (;;) {
      const { page, history } = await next;
      const ids = page.map((r) => r.id);
      const full = page.length === batchSize;
      if (full) next = load(ids.at(-1)!);
      const facts: CriteriaFacts[] = page.map((r) =>
        type === 'organization'
          ? organizationFacts(r as OrganizationRecord, {}, history.awards.get(r.id) ?? [], moment)
          : personFacts(r as PersonRecord, {}, history.awards.get(r.id) ?? [], moment),
      );
      const { evaluations, matches } = matchBatch(progs, ids, facts);
      writes.push(quiet(writeBatch(db, hub.id, type, progs, matches, history.applied, { after: after ?? NIL, upTo: full ? ids.at(-1)! : MAX, now })));
      if (writes.length > 2) counts.removed += (await writes.shift()!).removed;
      counts.applicants += page.length;
      counts.evaluations += evaluations;
      counts.matches += matches.length;
      options.onProgress?.(counts.applicants, total);
      if (!full) break;
      after = ids.at(-1)!;
    }
    for (const w of writes) counts.removed += (await w).removed;
  }
  counts.seconds = Math.round(performance.now() - started) / 1000;
  await withTransaction(db, (tx) =>
    recordAudit(tx, {
      hubId: hub.id,
      actorId: actor.userId,
      action: 'matching.ran',
      subjectType: 'hub',
      subjectId: hub.id,
      payload: { ...counts, program: options.programId ?? null },
    }),
  );
  return counts;
}

function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

async function loadPage(db: Db, hub: HubRow, type: 'organization' | 'person', after: string | null, limit: number) {
  const page: (OrganizationRecord | PersonRecord)[] =
    type === 'organization' ? await organizationRecordsPage(db, hub.id, after, limit) : await personRecordsPage(db, hub.id, after, limit);
  return {
    page,
    history: await historyOf(db, hub, type, page, after),
  };
}

/** Open programs compiled once; the ids of the others (their matches are removed). */
async function programsToMatch(db: Db, hub: HubRow, now: Date, programId: string | undefined): Promise<{ open: MatchProgram[]; closed: string[] }> {
  const today = localToday(hub.timeZone, now);
  const rows = await db
    .select({
      id: programs.id,
      status: programs.status,
      opensOn: programs.opensOn,
      closesOn: programs.closesOn,
      version: programs.currentVersion,
      rules: programVersions.rules,
    })
    .from(programs)
    .innerJoin(
      programVersions,
      and(eq(programVersions.hubId, programs.hubId), eq(programVersions.programId, programs.id), eq(programVersions.version, programs.currentVersion)),
    )
    .where(and(eq(programs.hubId, hub.id), programId ? eq(programs.id, programId) : undefined));
  const open: MatchProgram[] = [];
  const closed: string[] = [];
  for (const r of rows) {
    const prepared =
      r.status === 'published' && r.opensOn <= today && today <= r.closesOn ? prepareForMatching(r.id, r.version, r.rules as ProgramRules) : null;
    if (prepared) open.push(prepared);
    else closed.push(r.id);
  }
  return { open, closed };
}

const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

/** Matches of programs that closed, and of applicants of the wrong type after a rules change. */
async function removeOutdated(db: Db, hubId: string, open: MatchProgram[], closed: string[], wholeHub: boolean): Promise<number> {
  const orgs = uuidArray(open.filter((p) => p.applicantType === 'organization').map((p) => p.id));
  const persons = uuidArray(open.filter((p) => p.applicantType === 'person').map((p) => p.id));
  const notOpen = wholeHub ? sql`NOT (program_id = ANY(${uuidArray(open.map((p) => p.id))}::uuid[]))` : sql`program_id = ANY(${uuidArray(closed)}::uuid[])`;
  const { rowCount } = await db.execute(sql`
    DELETE FROM program_matches WHERE hub_id = ${hubId} AND (${notOpen}
      OR (program_id = ANY(${orgs}::uuid[]) AND applicant_type <> 'organization')
      OR (program_id = ANY(${persons}::uuid[]) AND applicant_type <> 'person'))`);
  return rowCount ?? 0;
}

/**
 * All applications of a page of applicants: their awards (a criteria fact, each in the hub's
 * local year) and what they applied to. The page is a keyset page by id, so it is read by its
 * id range (after, upTo] on the applicant index, not by a list of ids.
 */
export async function historyOf(
  db: Db,
  hub: Pick<HubRow, 'id' | 'timeZone'>,
  type: 'organization' | 'person',
  page: readonly { id: string }[],
  after: string | null,
) {
  const hubId = hub.id;
  const awards = new Map<string, AwardFact[]>();
  const applied = new Set<string>();
  if (page.length === 0) return { awards, applied };
  const column = type === 'organization' ? applications.organizationId : applications.personId;
  const rows = await db
    .select({ applicant: column, program: applications.programId, status: applications.status, amount: applications.amount, at: applications.createdAt })
    .from(applications)
    .where(
      and(eq(applications.hubId, hubId), after ? sql`${column} > ${after}::uuid` : sql`${column} IS NOT NULL`, sql`${column} <= ${page.at(-1)!.id}::uuid`),
    );
  for (const r of rows) {
    if (r.status !== 'refused') applied.add(`${r.program}:${r.applicant}`);
    if (r.status === 'approved') {
      const list = awards.get(r.applicant!) ?? awards.set(r.applicant!, []).get(r.applicant!)!;
      list.push({ program: r.program, amount: r.amount ?? 0n, year: BigInt(localToday(hub.timeZone, r.at).slice(0, 4)) });
    }
  }
  return { awards, applied };
}

/**
 * Writes one page's outcome. The page's current matches are read first (by the applicant
 * index, its id range), so only what changed is written: new or changed matches upserted,
 * stale ones deleted, in one statement; an unchanged page writes nothing.
 */
async function writeBatch(
  db: Db,
  hubId: string,
  type: 'organization' | 'person',
  progs: MatchProgram[],
  matches: Match[],
  applied: Set<string>,
  range: { after: string; upTo: string; now: Date },
): Promise<{ removed: number }> {
  const existing = await db
    .select({ p: programMatches.programId, a: programMatches.applicantId, v: programMatches.programVersion, ap: programMatches.applied })
    .from(programMatches)
    .where(
      and(
        eq(programMatches.hubId, hubId),
        eq(programMatches.applicantType, type),
        sql`${programMatches.applicantId} > ${range.after}::uuid AND ${programMatches.applicantId} <= ${range.upTo}::uuid`,
        sql`${programMatches.programId} = ANY(${uuidArray(progs.map((p) => p.id))}::uuid[])`,
      ),
    );
  const have = new Map(existing.map((e) => [`${e.p}:${e.a}`, e]));
  const up = { p: [] as string[], a: [] as string[], v: [] as number[], ap: [] as boolean[] };
  for (const m of matches) {
    const key = `${m.programId}:${m.applicantId}`;
    const ap = applied.has(key);
    const e = have.get(key);
    have.delete(key);
    if (!e || e.v !== m.version || e.ap !== ap) {
      up.p.push(m.programId);
      up.a.push(m.applicantId);
      up.v.push(m.version);
      up.ap.push(ap);
    }
  }
  const stale = { p: [...have.values()].map((e) => e.p), a: [...have.values()].map((e) => e.a) };
  if (up.p.length === 0 && stale.p.length === 0) return { removed: 0 };
  // Arrays as single parameters (unnest), not JSON: the first full run writes hundreds of thousands of rows.
  const { rows } = await db.execute<{ removed: number }>(sql`
    WITH up AS (
      INSERT INTO program_matches (hub_id, program_id, applicant_type, applicant_id, program_version, applied, matched_at)
      SELECT ${hubId}::uuid, k.p, ${type}, k.a, k.v, k.ap, ${range.now.toISOString()}::timestamptz
      FROM unnest(${uuidArray(up.p)}::uuid[], ${uuidArray(up.a)}::uuid[], ${`{${up.v.join(',')}}`}::int[], ${`{${up.ap.join(',')}}`}::boolean[]) AS k(p, a, v, ap)
      ON CONFLICT (hub_id, program_id, applicant_type, applicant_id) DO UPDATE
        SET program_version = excluded.program_version, applied = excluded.applied
      RETURNING 1),
    del AS (
      DELETE FROM program_matches m USING unnest(${uuidArray(stale.p)}::uuid[], ${uuidArray(stale.a)}::uuid[]) AS s(p, a)
      WHERE m.hub_id = ${hubId} AND m.applicant_type = ${type} AND m.program_id = s.p AND m.applicant_id = s.a
      RETURNING 1)
    SELECT (SELECT count(*) FROM del)::int AS removed, (SELECT count(*) FROM up)::int AS written`);
  return { removed: rows[0]?.removed ?? 0 };
}

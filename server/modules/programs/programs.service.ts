import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { programDraftSchema } from '../../../contracts/applications.js';
import type { CursorQuery } from '../../../contracts/pagination.js';
import type { ProgramRules } from '../../../contracts/programs.js';
import type { Db, Tx } from '../../db/connection.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { emailVerifiedSql } from '../../platform/auth/users.js';
import { canonicalJson } from '../../platform/audit/hash-chain.js';
import { AppError, notFound, type FieldProblem } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { after, readCursor } from '../../platform/pagination.js';
import type { Actor } from '../../platform/policies.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { compileCriteria, type CompiledCriteria } from './eligibility.js';
import { programPolicy } from './programs.policies.js';
import { checkRentFormula } from './rent-formula-check.js';
import { programs, programVersions } from './programs.tables.js';

type Draft = z.output<typeof programDraftSchema>;
export type Scope = { hub: HubRow; actor: Actor };
export type ProgramRow = typeof programs.$inferSelect;
export type LoadedProgram = { program: ProgramRow; rules: ProgramRules };

/** Type-checks a program's criteria against the facts; a 400 names the criterion and the position. */
export function compileOrRefuse(rules: ProgramRules, path = 'rules'): CompiledCriteria {
  const result = compileCriteria(rules.criteria, { applicantType: rules.applicantType, form: rules.form });
  if (result.ok) return result.compiled;
  const problems: FieldProblem[] = result.errors.map((e) => ({
    path: `${path}.criteria.${rules.criteria.findIndex((c) => c.key === e.criterion)}.expression`,
    code: 'INVALID_EXPRESSION',
    detail: `${e.criterion}: line ${e.position?.line ?? 1}, column ${e.position?.column ?? 1}: ${e.message}`,
  }));
  throw new AppError('VALIDATION_FAILED', problems);
}

// A version's rules never change, so its compiled criteria can be kept: compiling CEL is
// the costliest step of an application. Bounded, per process; a miss just compiles again.
const compiledCache = new Map<string, CompiledCriteria>();
const CACHE_LIMIT = 1_000;

/** The compiled criteria of one version of a program. */
export function compiledFor(program: ProgramRow, rules: ProgramRules, version = program.currentVersion): CompiledCriteria {
  const key = `${program.hubId}:${program.id}:${version}`;
  let compiled = compiledCache.get(key);
  if (!compiled) {
    compiled = compileOrRefuse(rules);
    if (compiledCache.size >= CACHE_LIMIT) compiledCache.delete(compiledCache.keys().next().value!);
    compiledCache.set(key, compiled);
  }
  return compiled;
}

/** A new program, as a draft with its rules as version 1. */
export async function createProgram(tx: Tx, { hub, actor }: Scope, draft: Draft): Promise<ProgramRow> {
  programPolicy.authorize(actor, 'write', { published: false });
  compileOrRefuse(draft.rules);
  checkRentFormula(draft);
  const id = uuidv7();
  const [row] = await tx
    .insert(programs)
    .values({ hubId: hub.id, id, ...columnsOf(draft) })
    .returning();
  await tx.insert(programVersions).values({ hubId: hub.id, programId: id, version: 1, rules: draft.rules });
  await recordAudit(tx, {
    hubId: hub.id,
    actorId: actor.userId,
    action: 'program.created',
    subjectType: 'program',
    subjectId: id,
    payload: { kind: draft.kind, version: 1 },
  });
  return row!;
}

/** Changes a program; changed rules become a new version (applications keep theirs). */
export async function updateProgram(tx: Tx, scope: Scope, id: string, draft: Draft): Promise<ProgramRow> {
  programPolicy.authorize(scope.actor, 'write', { published: false });
  compileOrRefuse(draft.rules);
  checkRentFormula(draft);
  const current = await loadProgram(tx, scope.hub.id, id, true);
  // jsonb keeps its own key order, so the stored rules come back reordered: compare canonically.
  const changed = canonicalJson(current.rules) !== canonicalJson(draft.rules);
  const version = changed ? current.program.currentVersion + 1 : current.program.currentVersion;
  if (changed) await tx.insert(programVersions).values({ hubId: scope.hub.id, programId: id, version, rules: draft.rules });
  const [row] = await tx
    .update(programs)
    .set({ ...columnsOf(draft), currentVersion: version, updatedAt: new Date() })
    .where(and(eq(programs.hubId, scope.hub.id), eq(programs.id, id)))
    .returning();
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: 'program.updated',
    subjectType: 'program',
    subjectId: id,
    payload: { version, rulesChanged: changed },
  });
  return row!;
}

/** Opens a draft program to applicants. */
export async function publishProgram(tx: Tx, scope: Scope, id: string): Promise<ProgramRow> {
  programPolicy.authorize(scope.actor, 'write', { published: false });
  const { program } = await loadProgram(tx, scope.hub.id, id, true);
  if (program.status === 'published') return program;
  const [row] = await tx
    .update(programs)
    .set({ status: 'published', updatedAt: new Date() })
    .where(and(eq(programs.hubId, scope.hub.id), eq(programs.id, id)))
    .returning();
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: 'program.published',
    subjectType: 'program',
    subjectId: id,
    payload: { version: program.currentVersion },
  });
  return row!;
}

/** Staff see every program of the hub; everyone else the published ones. */
/** Programs closing first (then by name): `page.limit + 1` of them after the page's cursor. */
export async function listPrograms(db: Db | Tx, { hub, actor }: Scope, page: CursorQuery): Promise<LoadedProgram[]> {
  const all = programPolicy.can(actor, 'read', { published: false });
  const key = readCursor(page.next, 3);
  const rows = await db
    .select({ program: programs, rules: programVersions.rules })
    .from(programs)
    .innerJoin(
      programVersions,
      and(eq(programVersions.hubId, programs.hubId), eq(programVersions.programId, programs.id), eq(programVersions.version, programs.currentVersion)),
    )
    .where(
      and(
        eq(programs.hubId, hub.id),
        all ? undefined : eq(programs.status, 'published'),
        key ? after([programs.closesOn, programs.nameEn, programs.id], key) : undefined,
      ),
    )
    .orderBy(asc(programs.closesOn), asc(programs.nameEn), asc(programs.id))
    .limit(page.limit + 1);
  return rows.map((r) => ({ program: r.program, rules: r.rules as ProgramRules }));
}

/**
 * A program the actor may read: another hub's and a missing one are 404, and so is a draft to
 * someone signed in who may not read it; signed out, a draft asks them to sign in (401), as
 * an officer following a link to it would need.
 */
export async function getProgram(db: Db | Tx, { hub, actor }: Scope, id: string): Promise<LoadedProgram> {
  const loaded = await loadProgram(db, hub.id, id);
  programPolicy.authorize(actor, 'read', { published: loaded.program.status === 'published' });
  return loaded;
}

/** The program with the rules of a version (its current one by default). */
export async function loadProgram(db: Db | Tx, hubId: string, id: string, forUpdate = false, version?: number): Promise<LoadedProgram> {
  const q = programQuery(db, hubId, id, version, {});
  const [row] = forUpdate ? await q.for('update', { of: programs }) : await q;
  if (!row) throw notFound();
  return { program: row.program, rules: row.rules as ProgramRules };
}

/**
 * What a submission needs first, in one statement: the program with its current rules and
 * whether the caller's address is confirmed (`requireVerified` judges it).
 */
export async function programForSubmission(db: Db | Tx, hubId: string, id: string, userId: string): Promise<LoadedProgram & { emailVerified: boolean | null }> {
  const [row] = await programQuery(db, hubId, id, undefined, { emailVerified: emailVerifiedSql(userId) });
  if (!row) throw notFound();
  return { program: row.program, rules: row.rules as ProgramRules, emailVerified: row.emailVerified };
}

/** One statement: the program with the rules of its current (or the asked) version, and `extra` columns (SQL over `programs` and `program_versions`). */
export function programQuery<E extends Record<string, SQL<unknown>>>(db: Db | Tx, hubId: string, id: string, version: number | undefined, extra: E) {
  return db
    .select({ program: programs, rules: programVersions.rules, ...extra })
    .from(programs)
    .innerJoin(
      programVersions,
      and(
        eq(programVersions.hubId, programs.hubId),
        eq(programVersions.programId, programs.id),
        eq(programVersions.version, version ?? programs.currentVersion),
      ),
    )
    .where(and(eq(programs.hubId, hubId), eq(programs.id, id)));
}

function columnsOf(d: Draft) {
  return {
    kind: d.kind,
    nameZh: d.name.zh,
    nameEn: d.name.en,
    descriptionZh: d.description.zh,
    descriptionEn: d.description.en,
    sectors: d.sectors,
    opensOn: d.window.opensOn,
    closesOn: d.window.closesOn,
    fiscalYear: d.fiscalYear,
    budgetLine: d.budgetLine,
    claimField: d.claimField ?? null,
    onePerApplicant: d.onePerApplicant ? 'yes' : 'no',
  };
}

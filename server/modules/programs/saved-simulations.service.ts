import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { SavedSimulation, savedSimulationQuerySchema } from '../../../contracts/saved-simulations.js';
import type { Simulation, simulationInputSchema } from '../../../contracts/simulation.js';
import type { Db } from '../../db/connection.js';
import { withTransaction } from '../../db/transaction.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { canonicalJson } from '../../platform/audit/hash-chain.js';
import { uuidv7 } from '../../platform/ids.js';
import { after, pageOf, readCursor } from '../../platform/pagination.js';
import { userNames } from '../../platform/tenancy/tenancy.js';
import { programPolicy } from './programs.policies.js';
import { loadProgram, type Scope } from './programs.service.js';
import { savedSimulations } from './saved-simulations.tables.js';
import { simulateProgram, type SimulationOptions } from './simulation.service.js';

type Input = z.output<typeof simulationInputSchema>;
type Row = typeof savedSimulations.$inferSelect;

/**
 * saveSimulation: the officer keeps a run. The server runs `simulateProgram` itself with
 * the same inputs (figures a client sends are never stored) and attaches the answer to the
 * version it was run for: the program's current version, the one the draft was compared
 * with. Written with its audit event in one transaction.
 */
export async function saveSimulation(db: Db, scope: Scope, programId: string, input: Input, options: SimulationOptions = {}): Promise<SavedSimulation> {
  const result = await simulateProgram(db, scope, programId, input, options);
  const { rules } = await loadProgram(db, scope.hub.id, programId, false, result.version);
  const row = await withTransaction(db, async (tx) => {
    const [saved] = await tx
      .insert(savedSimulations)
      .values({
        hubId: scope.hub.id,
        id: uuidv7(),
        programId,
        programVersion: result.version,
        sameRules: canonicalJson(rules) === canonicalJson(input.rules),
        rules: input.rules,
        assumedAnswers: input.assumedAnswers,
        takeUpBasisPoints: input.takeUpBasisPoints,
        result,
        runBy: scope.actor.userId!,
        createdAt: options.now,
      })
      .returning();
    await recordAudit(tx, {
      hubId: scope.hub.id,
      actorId: scope.actor.userId,
      action: 'program.simulation_saved',
      subjectType: 'program',
      subjectId: programId,
      payload: { simulationId: saved!.id, version: result.version, takeUpBasisPoints: input.takeUpBasisPoints, expectedCost: result.expectedCost },
    });
    return saved!;
  });
  return (await present(db, [row]))[0]!;
}

/** listSavedSimulations: a program's kept runs for hub staff, newest first, by version if asked. */
export async function listSavedSimulations(db: Db, { hub, actor }: Scope, programId: string, query: z.output<typeof savedSimulationQuerySchema>) {
  programPolicy.authorize(actor, 'read_rules', { published: false });
  await loadProgram(db, hub.id, programId);
  const key = readCursor(query.next, 1);
  const rows = await db
    .select()
    .from(savedSimulations)
    .where(
      and(
        eq(savedSimulations.hubId, hub.id),
        eq(savedSimulations.programId, programId),
        query.version === undefined ? undefined : eq(savedSimulations.programVersion, query.version),
        key ? after([savedSimulations.id], key, 'desc') : undefined,
      ),
    )
    .orderBy(desc(savedSimulations.id))
    .limit(query.limit + 1);
  const page = pageOf(rows, query.limit, (r) => [r.id]);
  return { items: await present(db, page.items), next: page.next };
}

async function present(db: Db, rows: Row[]): Promise<SavedSimulation[]> {
  const names = await userNames(db, [...new Set(rows.map((r) => r.runBy))]);
  return rows.map((r) => ({
    id: r.id,
    program: r.programId,
    version: r.programVersion,
    sameRules: r.sameRules,
    takeUpBasisPoints: r.takeUpBasisPoints,
    runBy: names.get(r.runBy) ?? '',
    runAt: r.createdAt.toISOString(),
    result: r.result as Simulation,
  }));
}

import type { z } from 'zod';
import type { ProgramRules } from '../../../contracts/programs.js';
import type { Simulation, simulationInputSchema } from '../../../contracts/simulation.js';
import type { Db } from '../../db/connection.js';
import { AppError } from '../../platform/errors.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { lineAvailable } from '../budget/index.js';
import { applicantNames, organizationSnapshot, personRecordsPage, type OrganizationRecord, type PersonRecord } from '../ecosystem/index.js';
import { momentIn, organizationFacts, personFacts, formFacts } from './criteria-facts.js';
import { checkAnswers } from './form-answers.js';
import { historyOf } from './matching.service.js';
import { compileOrRefuse, loadProgram, type Scope } from './programs.service.js';
import { programPolicy } from './programs.policies.js';
import { expectedCost, prepareSimulation, simulateOne, SimulationTally } from './simulation.js';

type Input = z.output<typeof simulationInputSchema>;
export type SimulationOptions = { now?: Date; batchSize?: number };

/**
 * "What if this program's rules were these?": the draft and the current version run over
 * every organisation (or person with an account) of the hub, as matching would, and added
 * up: who qualifies, at what cost against what the line has left, by group, and who gains
 * or loses. Reads only: no row, no audit event, no match is written.
 */
export async function simulateProgram(db: Db, { hub, actor }: Scope, programId: string, input: Input, options: SimulationOptions = {}): Promise<Simulation> {
  programPolicy.authorize(actor, 'simulate', { published: false });
  const { program, rules: currentRules } = await loadProgram(db, hub.id, programId);
  compileOrRefuse(input.rules);
  const problems = checkAnswers(input.rules.form, input.assumedAnswers).filter((p) => p.code !== 'REQUIRED');
  if (problems.length)
    throw new AppError(
      'VALIDATION_FAILED',
      problems.map((p) => ({ ...p, path: p.path.replace(/^answers\./, 'assumedAnswers.') })),
    );

  // Years (now.year, each award's year, the yearly cap) count in the hub's calendar, as screening counts them.
  const now = momentIn(hub.timeZone, options.now ?? new Date());
  const type = input.rules.applicantType;
  const draft = prepareSimulation(program.id, program.currentVersion + 1, input.rules, formFacts(input.rules.form, input.assumedAnswers))!;
  // The current version runs on the same applicants only if it is for the same kind of applicant.
  const current =
    currentRules.applicantType === type ? prepareSimulation(program.id, program.currentVersion, currentRules, assumedFor(currentRules, input)) : null;

  const tally = new SimulationTally();
  for await (const { page, awards } of applicants(db, hub, type, options.batchSize ?? 2_000)) {
    for (const record of page) {
      const history = awards.get(record.id) ?? [];
      const facts =
        type === 'organization' ? organizationFacts(record as OrganizationRecord, {}, history, now) : personFacts(record as PersonRecord, {}, history, now);
      const a = { id: record.id, facts, record, awardedThisYear: history.filter((h) => h.program === program.id && h.year === now.year).map((h) => h.amount) };
      tally.add(a, simulateOne(draft, a), current ? simulateOne(current, a) : null);
    }
  }

  const budgetLeft = await lineAvailable(db, hub.id, program.fiscalYear, program.budgetLine);
  const { expected, share } = expectedCost(tally.draft.cost, input.takeUpBasisPoints, budgetLeft);
  const names = await applicantNames(db, hub.id, type, [...tally.gained.sample, ...tally.lost.sample]);
  const named = (ids: string[]) => ids.map((id) => ({ id, name: names.get(id) ?? { zh: '', en: '' } }));
  const spread = tally.amountSpread();
  return {
    program: program.id,
    version: program.currentVersion,
    applicantType: type,
    evaluated: tally.evaluated,
    draft: { qualify: tally.draft.qualify, cost: tally.draft.cost.toString() },
    current: { qualify: tally.current.qualify, cost: tally.current.cost.toString() },
    takeUpBasisPoints: input.takeUpBasisPoints,
    expectedCost: expected.toString(),
    budgetLeft: budgetLeft?.toString() ?? null,
    shareOfBudgetLeftBasisPoints: share,
    amounts: spread && { min: spread.min.toString(), median: spread.median.toString(), max: spread.max.toString() },
    breakdowns: tally.breakdowns().map((b) => ({ by: b.by, rows: b.rows.map((r) => ({ key: r.key, qualify: r.qualify, cost: r.cost.toString() })) })),
    gained: { count: tally.gained.count, sample: named(tally.gained.sample) },
    lost: { count: tally.lost.count, sample: named(tally.lost.sample) },
    atApplication: draft.atApplication,
  };
}

/** The assumed answers that fit the current version's form (its fields may differ from the draft's). */
function assumedFor(rules: ProgramRules, input: Input) {
  const fitting = Object.fromEntries(
    Object.entries(input.assumedAnswers).filter(([key, value]) => {
      const field = rules.form.find((f) => f.key === key);
      return field && checkAnswers([{ ...field, required: false }], { [key]: value }).length === 0;
    }),
  );
  return formFacts(rules.form, fitting);
}

/**
 * The hub's applicants with their awards: organisations from the hub's snapshot (kept while
 * its ecosystem version stands, so trying draft after draft reads no row twice), people a
 * page at a time (the next page read while this one is evaluated).
 */
async function* applicants(db: Db, hub: HubRow, type: 'organization' | 'person', batchSize: number) {
  if (type === 'organization') {
    const page = await organizationSnapshot(db, hub.id);
    yield { page, awards: (await historyOf(db, hub, type, page, null)).awards };
    return;
  }
  let next = quiet(personPage(db, hub, null, batchSize));
  for (;;) {
    const loaded = await next;
    const full = loaded.page.length === batchSize;
    if (full) next = quiet(personPage(db, hub, loaded.page.at(-1)!.id, batchSize));
    yield loaded;
    if (!full) break;
  }
}

async function personPage(db: Db, hub: HubRow, after: string | null, limit: number) {
  const page = await personRecordsPage(db, hub.id, after, limit);
  return { page, awards: (await historyOf(db, hub, 'person', page, after)).awards };
}

function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

import { and, desc, eq, isNull, ne } from 'drizzle-orm';
import type { CursorQuery } from '../../../contracts/pagination.js';
import type { TalentTier } from '../../../contracts/people.js';
import type { AssessmentInput } from '../../../contracts/talent.js';
import type { Db, Tx } from '../../db/connection.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, notFound, type FieldProblem } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { after, readCursor } from '../../platform/pagination.js';
import { findPeople, setPersonTalentTier } from '../ecosystem/index.js';
import { getTalentCatalogue, type TalentScope } from './catalogue.service.js';
import { talentPolicy } from './talent.policies.js';
import { talentAssessments, talentCards } from './talent.tables.js';

export type AssessmentRow = typeof talentAssessments.$inferSelect;

/**
 * An officer's decision on a person's tier against the hub's catalogue: a grant names at
 * least one condition of that class, every named condition must be one of the class's.
 * The person's tier follows the decision (programs read it), and cards issued before are
 * revoked: only the newest decision speaks for the person.
 */
export async function assessTalentTier(tx: Tx, scope: TalentScope, personId: string, input: AssessmentInput): Promise<AssessmentRow> {
  talentPolicy.authorize(scope.actor, 'assess', null);
  if (!(await findPeople(tx, scope.hub.id, [personId])).has(personId)) throw notFound();
  const catalogue = await getTalentCatalogue(tx, scope);
  const known = new Set(catalogue.find((c) => c.tier === input.tier)?.conditions.map((c) => c.key) ?? []);
  const problems: FieldProblem[] = input.conditions.flatMap((key, i) => (known.has(key) ? [] : [{ path: `conditions.${i}`, code: 'UNKNOWN_REF' as const }]));
  if (input.decision === 'granted' && input.conditions.length === 0) problems.push({ path: 'conditions', code: 'REQUIRED' });
  if (problems.length) throw new AppError('VALIDATION_FAILED', problems);

  const id = uuidv7();
  const [row] = await tx
    .insert(talentAssessments)
    .values({ hubId: scope.hub.id, id, personId, ...input, officerId: scope.actor.userId! })
    .returning();
  await followAssessment(tx, scope.hub.id, personId, row!);
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: `talent.${input.decision}`,
    subjectType: 'person',
    subjectId: personId,
    payload: { assessment: id, tier: input.tier, conditions: input.conditions },
  });
  return row!;
}

/**
 * A person's assessments, newest first (ids are time-ordered): `page.limit + 1` after the
 * page's cursor. A person of another hub, or none, is 404 (never an empty page).
 */
export async function listAssessments(db: Db | Tx, scope: TalentScope, personId: string, page: CursorQuery): Promise<AssessmentRow[]> {
  talentPolicy.authorize(scope.actor, 'read', null);
  if (!(await findPeople(db, scope.hub.id, [personId])).has(personId)) throw notFound();
  const key = readCursor(page.next, 1);
  return db
    .select()
    .from(talentAssessments)
    .where(
      and(eq(talentAssessments.hubId, scope.hub.id), eq(talentAssessments.personId, personId), key ? after([talentAssessments.id], key, 'desc') : undefined),
    )
    .orderBy(desc(talentAssessments.id))
    .limit(page.limit + 1);
}

/**
 * Only the newest decision speaks for the person: the tier follows `latest` (granted, its
 * class; refused, none) and cards issued from any other assessment are revoked. After an
 * officer's decision, and after a link brings two records' assessments together.
 */
export async function followAssessment(tx: Tx, hubId: string, personId: string, latest: Pick<AssessmentRow, 'id' | 'tier' | 'decision'>): Promise<void> {
  await tx
    .update(talentCards)
    .set({ revokedAt: new Date() })
    .where(and(eq(talentCards.hubId, hubId), eq(talentCards.personId, personId), isNull(talentCards.revokedAt), ne(talentCards.assessmentId, latest.id)));
  await setPersonTalentTier(tx, hubId, personId, latest.decision === 'granted' ? (latest.tier as TalentTier) : null);
}

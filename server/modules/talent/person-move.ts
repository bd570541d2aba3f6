import { and, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { TalentTier } from '../../../contracts/people.js';
import type { Tx } from '../../db/connection.js';
import { setPersonTalentTier } from '../ecosystem/index.js';
import { talentAssessments, talentCards, talentProfiles } from './talent.tables.js';

/**
 * What a record holds in talent moves to another record (`registerPersonMove`, when staff
 * link an account to the record they hold): degrees (one the other record has already,
 * same level and day, is not doubled), the profile (unless the other record has one),
 * tier assessments and the cards issued from them (a card's token names the card, not the
 * person, so it still verifies), the latest assessment then setting the tier.
 */
export async function moveTalent(tx: Tx, hubId: string, fromId: string, toId: string): Promise<number> {
  const degrees = await tx.execute(sql`
    UPDATE talent_degrees d SET person_id = ${toId}
    WHERE d.hub_id = ${hubId} AND d.person_id = ${fromId}
      AND NOT EXISTS (SELECT 1 FROM talent_degrees t WHERE t.hub_id = d.hub_id AND t.person_id = ${toId} AND t.level = d.level AND t.graduates_on = d.graduates_on)`);
  const [has] = await tx
    .select({ personId: talentProfiles.personId })
    .from(talentProfiles)
    .where(and(eq(talentProfiles.hubId, hubId), eq(talentProfiles.personId, toId)));
  const profile = has
    ? []
    : await tx
        .update(talentProfiles)
        .set({ personId: toId })
        .where(and(eq(talentProfiles.hubId, hubId), eq(talentProfiles.personId, fromId)))
        .returning({ personId: talentProfiles.personId });
  const assessments = await tx
    .update(talentAssessments)
    .set({ personId: toId })
    .where(and(eq(talentAssessments.hubId, hubId), eq(talentAssessments.personId, fromId)))
    .returning({ id: talentAssessments.id });
  const cards = await tx
    .update(talentCards)
    .set({ personId: toId })
    .where(and(eq(talentCards.hubId, hubId), eq(talentCards.personId, fromId)))
    .returning({ id: talentCards.id });
  if (assessments.length > 0) await followLatestAssessment(tx, hubId, toId);
  return (degrees.rowCount ?? 0) + profile.length + assessments.length + cards.length;
}

/**
 * One person, one standing: as after an officer's decision, the latest assessment (of either
 * record) sets the tier, and cards issued from any earlier one are revoked.
 */
async function followLatestAssessment(tx: Tx, hubId: string, personId: string): Promise<void> {
  const [latest] = await tx
    .select({ id: talentAssessments.id, tier: talentAssessments.tier, decision: talentAssessments.decision })
    .from(talentAssessments)
    .where(and(eq(talentAssessments.hubId, hubId), eq(talentAssessments.personId, personId)))
    .orderBy(desc(talentAssessments.createdAt), desc(talentAssessments.id))
    .limit(1);
  await setPersonTalentTier(tx, hubId, personId, latest!.decision === 'granted' ? (latest!.tier as TalentTier) : null);
  await tx
    .update(talentCards)
    .set({ revokedAt: new Date() })
    .where(and(eq(talentCards.hubId, hubId), eq(talentCards.personId, personId), isNull(talentCards.revokedAt), ne(talentCards.assessmentId, latest!.id)));
}

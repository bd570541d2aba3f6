import { and, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connection.js';
import { followAssessment } from './assessments.service.js';
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
  if (assessments.length > 0) {
    const [latest] = await tx
      .select()
      .from(talentAssessments)
      .where(and(eq(talentAssessments.hubId, hubId), eq(talentAssessments.personId, toId)))
      .orderBy(desc(talentAssessments.createdAt), desc(talentAssessments.id))
      .limit(1);
    await followAssessment(tx, hubId, toId, latest!);
  }
  return (degrees.rowCount ?? 0) + profile.length + assessments.length + cards.length;
}

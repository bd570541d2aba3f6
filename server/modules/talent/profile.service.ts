import { and, asc, eq } from 'drizzle-orm';
import { stayDegreeLevels, type StayDegreeLevel } from '../../../contracts/stays.js';
import type { TalentProfile } from '../../../contracts/talent.js';
import type { Db, Tx } from '../../db/connection.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/errors.js';
import { filesOwnedBy } from '../../platform/files/index.js';
import { personRecordOfUser, recordedDegrees } from '../ecosystem/index.js';
import type { TalentScope } from './catalogue.service.js';
import { talentDegrees, talentProfiles } from './talent.tables.js';

async function ownPerson(db: Db | Tx, scope: TalentScope) {
  if (!scope.actor.userId) throw new AppError('UNAUTHENTICATED');
  const person = await personRecordOfUser(db, scope.hub.id, scope.actor.userId);
  if (!person) throw notFound(); // verify as a graduate (or be recorded by staff) first
  return person;
}

/** The caller's talent profile: degrees, employer, evidence files, current class. */
export async function getTalentProfile(db: Db | Tx, scope: TalentScope): Promise<TalentProfile> {
  const person = await ownPerson(db, scope);
  const [profile] = await db
    .select()
    .from(talentProfiles)
    .where(and(eq(talentProfiles.hubId, scope.hub.id), eq(talentProfiles.personId, person.id)));
  const degrees = await db
    .select({ university: talentDegrees.university, level: talentDegrees.level, graduatesOn: talentDegrees.graduatesOn })
    .from(talentDegrees)
    .where(and(eq(talentDegrees.hubId, scope.hub.id), eq(talentDegrees.personId, person.id)))
    .orderBy(asc(talentDegrees.graduatesOn));
  const recorded = await recordedDegrees(db, scope.hub.id, person.id, stayDegreeLevels);
  return {
    personId: person.id,
    employer: profile?.employer ?? null,
    evidence: profile?.evidence ?? [],
    degrees: [
      ...degrees.map((d) => ({ ...d, universityName: null, level: d.level as StayDegreeLevel, source: 'declared' as const })),
      // What staff recorded counts toward the graduate's standing (graduate.service), so it shows here too.
      ...recorded
        .filter((r) => !degrees.some((d) => d.level === r.level && d.graduatesOn === r.graduatesOn))
        .map((r) => ({
          university: r.university.zh,
          universityName: r.university,
          level: r.level as StayDegreeLevel,
          graduatesOn: r.graduatesOn,
          source: 'recorded' as const,
        })),
    ],
    tier: person.talentTier as TalentProfile['tier'],
  };
}

/** Sets the caller's employer and evidence; every evidence file must be one they uploaded here. */
export async function saveTalentProfile(tx: Tx, scope: TalentScope, input: { employer: string | null; evidence: string[] }): Promise<TalentProfile> {
  const person = await ownPerson(tx, scope);
  const owned = await filesOwnedBy(tx, scope.hub.id, scope.actor.userId!, input.evidence);
  const missing = input.evidence.flatMap((id, i) => (owned.has(id) ? [] : [{ path: `evidence.${i}`, code: 'FILE_NOT_FOUND' as const }]));
  if (missing.length) throw new AppError('VALIDATION_FAILED', missing);
  const values = { employer: input.employer, evidence: [...new Set(input.evidence)], updatedAt: new Date() };
  await tx
    .insert(talentProfiles)
    .values({ hubId: scope.hub.id, personId: person.id, ...values })
    .onConflictDoUpdate({ target: [talentProfiles.hubId, talentProfiles.personId], set: values });
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: 'talent.profile_saved',
    subjectType: 'person',
    subjectId: person.id,
    payload: { evidence: values.evidence.length },
  });
  return getTalentProfile(tx, scope);
}

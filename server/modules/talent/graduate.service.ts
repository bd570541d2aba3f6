import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Param } from '../../db/named.js';
import type { Db, Tx } from '../../db/connection.js';
import type { StayDegreeLevel } from '../../../contracts/stays.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { FieldCrypto } from '../../platform/crypto/fields.js';
import { AppError } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import type { Actor } from '../../platform/policies.js';
import { ownPersonRecord, personOfUserJson, personOfUserWith, personWithOf, type PersonRecord } from '../ecosystem/index.js';
import { offerResidentId } from './identity-claims.service.js';
import { judgeGraduate, type DegreeFact, type GraduateRules, type GraduateStanding } from './graduate-eligibility.js';
import { talentDegrees } from './talent.tables.js';

export type GraduateScope = { hub: { id: string; timeZone: string }; actor: Actor };
export type VerifyGraduateInput = {
  name: { zh: string; en: string };
  residentId?: string | undefined;
  degree: { university: string; level: StayDegreeLevel; graduatesOn: string };
};

/** The Hangzhou youth-station rule, used when no station's own rule is asked about. */
export const DEFAULT_GRADUATE_RULES: GraduateRules = { minDegree: 'junior_college', graduatedWithinMonths: 24 };

const ECOSYSTEM_LEVELS = new Set<string>(['bachelor', 'master', 'doctorate']);

/** The degrees a person declared, as JSON: the `also` of the person read. */
function declaredDegrees(hubId: Param): SQL {
  return sql`(SELECT coalesce(json_agg(json_build_object('level', t.level, 'graduatesOn', t.graduates_on, 'university', t.university)), '[]'::json)
          FROM talent_degrees t WHERE t.hub_id = ${hubId} AND t.person_id = p.id)`;
}

/**
 * What a graduate's standing is judged on (the person and the degrees they declared), as one
 * JSON value for a caller's own statement (a booking reads it with the station, in a named
 * statement whose hub and user are placeholders); judge it with `standingFromFacts`.
 */
export function graduateFactsSql(hubId: Param, userId: Param): SQL<unknown> {
  return personOfUserJson(hubId, userId, declaredDegrees(hubId));
}

/** A standing from what `graduateFactsSql` read (null: no person linked to the account). */
export function standingFromFacts(facts: unknown, rules: GraduateRules, onDate: string): GraduateStanding & { personId: string | null } {
  return standingOf(personWithOf(facts), rules, onDate);
}

/** A signed-in user's standing as a graduate against a station's rules on a given first night: one statement. */
export async function graduateStanding(
  db: Db | Tx,
  hubId: string,
  userId: string,
  rules: GraduateRules,
  onDate: string,
): Promise<GraduateStanding & { personId: string | null }> {
  return standingOf(await personOfUserWith(db, hubId, userId, declaredDegrees(hubId)), rules, onDate);
}

/** The person and their declared degrees (`also`) judged against the rules. */
function standingOf(
  found: { person: PersonRecord; also: unknown } | null,
  rules: GraduateRules,
  onDate: string,
): GraduateStanding & { personId: string | null } {
  if (!found) return { ...judgeGraduate(false, [], rules, onDate), personId: null };
  const { person } = found;
  const degrees = [...(found.also as DegreeFact[])];
  // Degrees the ecosystem knows from alumnus relations count too (staff recorded them).
  if (person.degree && person.graduatedOn && ECOSYSTEM_LEVELS.has(person.degree))
    degrees.push({ level: person.degree as StayDegreeLevel, graduatesOn: person.graduatedOn, university: '' });
  return { ...judgeGraduate(true, degrees, rules, onDate), personId: person.id };
}

/**
 * Graduate verification: the caller's own person record of this hub (made on first use),
 * the resident id they give (`offerResidentId`: on their record, or a claim for staff when
 * another record holds it), the degree they declare; judged against the stay rules today.
 * The answer depends on the caller's own record alone, never on whether the number is known.
 */
export async function verifyGraduate(tx: Tx, scope: GraduateScope, input: VerifyGraduateInput, crypto: FieldCrypto, today: string) {
  const userId = scope.actor.userId;
  if (!userId) throw new AppError('UNAUTHENTICATED');
  const person = await ownPersonRecord(tx, scope.hub, userId, input.name);
  if (input.residentId) await offerResidentId(tx, scope.hub.id, userId, person, input.residentId, crypto);
  const [same] = await tx
    .select({ id: talentDegrees.id })
    .from(talentDegrees)
    .where(
      and(
        eq(talentDegrees.hubId, scope.hub.id),
        eq(talentDegrees.personId, person.id),
        eq(talentDegrees.level, input.degree.level),
        eq(talentDegrees.graduatesOn, input.degree.graduatesOn),
      ),
    );
  if (!same) {
    const id = uuidv7();
    await tx.insert(talentDegrees).values({ hubId: scope.hub.id, id, personId: person.id, ...input.degree });
    await recordAudit(tx, {
      hubId: scope.hub.id,
      actorId: userId,
      action: 'talent.degree_declared',
      subjectType: 'person',
      subjectId: person.id,
      payload: { degree: id, level: input.degree.level },
    });
  }
  return graduateStanding(tx, scope.hub.id, userId, DEFAULT_GRADUATE_RULES, today);
}

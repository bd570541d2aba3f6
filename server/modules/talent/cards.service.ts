import { and, desc, eq, isNull } from 'drizzle-orm';
import type { CardVerification, TalentCard } from '../../../contracts/talent.js';
import type { Db, Tx } from '../../db/connection.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { FieldCrypto } from '../../platform/crypto/fields.js';
import { newSigningKey, type SigningKey } from '../../platform/crypto/sign.js';
import { SUITE_ALGORITHMS } from '../../platform/crypto/suite.js';
import { AppError, notFound } from '../../platform/errors.js';
import { localToday } from '../../platform/hub-time.js';
import { uuidv7 } from '../../platform/ids.js';
import { findHub, presentHub } from '../../platform/tenancy/tenancy.js';
import { personRecordOfUser } from '../ecosystem/index.js';
import type { TalentScope } from './catalogue.service.js';
import { readCard, signCard } from './card-token.js';
import { talentPolicy } from './talent.policies.js';
import { talentAssessments, talentCards, talentSigningKeys } from './talent.tables.js';

type CardRow = typeof talentCards.$inferSelect;

/**
 * The hub's current signing key, made on first use in the deployment's suite (Ed25519 or
 * SM2). A key of the other suite (the deployment switched) is retired and a new one made:
 * its public half stays, so the cards it signed still verify.
 */
async function currentKey(tx: Tx, hubId: string, crypto: FieldCrypto): Promise<SigningKey> {
  const alg = SUITE_ALGORITHMS[crypto.suite].sign;
  const [key] = await tx
    .select()
    .from(talentSigningKeys)
    .where(and(eq(talentSigningKeys.hubId, hubId), isNull(talentSigningKeys.retiredAt)))
    .orderBy(desc(talentSigningKeys.createdAt))
    .limit(1);
  if (key && key.alg === alg) return { alg, kid: key.kid, publicKey: key.publicKey, privateKey: crypto.decrypt(key.privateKeyCipher) };
  if (key)
    await tx
      .update(talentSigningKeys)
      .set({ retiredAt: new Date() })
      .where(and(eq(talentSigningKeys.hubId, hubId), eq(talentSigningKeys.kid, key.kid)));
  const fresh = newSigningKey(alg);
  await tx.insert(talentSigningKeys).values({ hubId, kid: fresh.kid, alg, publicKey: fresh.publicKey, privateKeyCipher: crypto.encrypt(fresh.privateKey) });
  return fresh;
}

/**
 * Rotates the hub's signing key: the current one is retired (its public half kept, so
 * cards it signed verify until they expire) and a new one signs from now on.
 */
export async function rotateTalentSigningKey(tx: Tx, scope: TalentScope, crypto: FieldCrypto): Promise<string> {
  talentPolicy.authorize(scope.actor, 'rotate_keys', null);
  await tx
    .update(talentSigningKeys)
    .set({ retiredAt: new Date() })
    .where(and(eq(talentSigningKeys.hubId, scope.hub.id), isNull(talentSigningKeys.retiredAt)));
  const { kid } = await currentKey(tx, scope.hub.id, crypto);
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: 'talent.key_rotated',
    subjectType: 'hub',
    subjectId: scope.hub.id,
    payload: { kid },
  });
  return kid;
}

function cardStatus(card: CardRow, today: string): TalentCard['status'] {
  if (card.revokedAt) return 'revoked';
  return card.expiresOn < today ? 'expired' : 'valid';
}

function presentCard(card: CardRow, hubSlug: string, today: string): TalentCard {
  return {
    id: card.id,
    tier: card.tier as TalentCard['tier'],
    expiresOn: card.expiresOn,
    status: cardStatus(card, today),
    token: card.token,
    verifyPath: `/hubs/${hubSlug}/talent/verify?token=${card.token}`,
  };
}

/**
 * The caller's talent card: issued (signed) on first request from their current granted
 * assessment, the same card after that. No granted, current assessment: 404.
 */
export async function getTalentCard(tx: Tx, scope: TalentScope, crypto: FieldCrypto, now = new Date()): Promise<TalentCard> {
  if (!scope.actor.userId) throw new AppError('UNAUTHENTICATED');
  const today = localToday(scope.hub.timeZone, now);
  const person = await personRecordOfUser(tx, scope.hub.id, scope.actor.userId);
  if (!person) throw notFound();
  const [latest] = await tx
    .select()
    .from(talentAssessments)
    .where(and(eq(talentAssessments.hubId, scope.hub.id), eq(talentAssessments.personId, person.id)))
    .orderBy(desc(talentAssessments.createdAt), desc(talentAssessments.id))
    .limit(1);
  if (!latest || latest.decision !== 'granted' || latest.validUntil < today || latest.validFrom > today) throw notFound();
  const [existing] = await tx
    .select()
    .from(talentCards)
    .where(and(eq(talentCards.hubId, scope.hub.id), eq(talentCards.assessmentId, latest.id), isNull(talentCards.revokedAt)));
  if (existing) return presentCard(existing, scope.hub.slug, today);
  const key = await currentKey(tx, scope.hub.id, crypto);
  const id = uuidv7();
  const token = signCard({ v: 1, hub: scope.hub.slug, card: id, tier: latest.tier, exp: latest.validUntil, kid: key.kid }, key);
  const [card] = await tx
    .insert(talentCards)
    .values({
      hubId: scope.hub.id,
      id,
      personId: person.id,
      assessmentId: latest.id,
      tier: latest.tier,
      expiresOn: latest.validUntil,
      kid: key.kid,
      alg: key.alg,
      token,
    })
    .returning();
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: 'talent.card_issued',
    subjectType: 'talent_card',
    subjectId: id,
    payload: { person: person.id, kid: key.kid, alg: key.alg },
  });
  return presentCard(card!, scope.hub.slug, today);
}

/**
 * Anyone checks a card: a valid signature under any key the hub ever used, for a card the
 * hub issued. Forged or altered: CARD_INVALID. Says nothing of the holder.
 */
export async function verifyTalentCard(db: Db, hubSlug: string, token: string, now = new Date()): Promise<CardVerification> {
  const hub = await findHub(db, hubSlug);
  const claims = await readCard(token, async (slug, kid) => {
    if (slug !== hub.slug) return null;
    const [key] = await db
      .select({ alg: talentSigningKeys.alg, publicKey: talentSigningKeys.publicKey })
      .from(talentSigningKeys)
      .where(and(eq(talentSigningKeys.hubId, hub.id), eq(talentSigningKeys.kid, kid)));
    return key ?? null;
  });
  if (!claims) throw new AppError('CARD_INVALID', [{ path: 'token', code: 'INVALID' }]);
  const [card] = await db
    .select()
    .from(talentCards)
    .where(and(eq(talentCards.hubId, hub.id), eq(talentCards.id, claims.card)));
  if (!card || card.tier !== claims.tier || card.expiresOn !== claims.exp) throw new AppError('CARD_INVALID', [{ path: 'token', code: 'INVALID' }]);
  const { name, slug } = presentHub(hub);
  return {
    status: cardStatus(card, localToday(hub.timeZone, now)),
    tier: card.tier as CardVerification['tier'],
    expiresOn: card.expiresOn,
    hub: { slug, name },
  };
}

/**
 * Officers revoke a card (it then verifies as revoked): a lost or misused card, not the class;
 * the holder's next `getTalentCard` signs a new one for the same assessment. A new assessment
 * is what withdraws the class.
 */
export async function revokeTalentCard(tx: Tx, scope: TalentScope, cardId: string): Promise<void> {
  talentPolicy.authorize(scope.actor, 'revoke', null);
  const rows = await tx
    .update(talentCards)
    .set({ revokedAt: new Date() })
    .where(and(eq(talentCards.hubId, scope.hub.id), eq(talentCards.id, cardId), isNull(talentCards.revokedAt)))
    .returning({ id: talentCards.id });
  if (rows.length === 0) throw notFound();
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: 'talent.card_revoked',
    subjectType: 'talent_card',
    subjectId: cardId,
    payload: {},
  });
}

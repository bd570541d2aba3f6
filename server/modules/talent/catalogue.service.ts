import { asc, eq } from 'drizzle-orm';
import type { TalentCatalogue } from '../../../contracts/talent.js';
import type { Db, Tx } from '../../db/connection.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/policies.js';
import { talentPolicy } from './talent.policies.js';
import { talentCatalogue } from './talent.tables.js';

export type TalentScope = { hub: { id: string; slug: string; nameZh: string; nameEn: string; timeZone: string }; actor: Actor };
export type CatalogueClass = TalentCatalogue[number];

export async function getTalentCatalogue(db: Db | Tx, scope: TalentScope): Promise<TalentCatalogue> {
  talentPolicy.authorize(scope.actor, 'read_catalogue', null);
  const rows = await db.select().from(talentCatalogue).where(eq(talentCatalogue.hubId, scope.hub.id)).orderBy(asc(talentCatalogue.tier));
  return rows.map((r) => ({
    tier: r.tier as CatalogueClass['tier'],
    name: { zh: r.nameZh, en: r.nameEn },
    conditions: r.conditions as CatalogueClass['conditions'],
  }));
}

/** Replaces the hub's catalogue (the classes given; the others are removed). */
export async function saveTalentCatalogue(tx: Tx, scope: TalentScope, classes: TalentCatalogue): Promise<TalentCatalogue> {
  talentPolicy.authorize(scope.actor, 'edit_catalogue', null);
  await tx.delete(talentCatalogue).where(eq(talentCatalogue.hubId, scope.hub.id));
  if (classes.length) {
    await tx
      .insert(talentCatalogue)
      .values(classes.map((c) => ({ hubId: scope.hub.id, tier: c.tier, nameZh: c.name.zh, nameEn: c.name.en, conditions: c.conditions })));
  }
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: 'talent.catalogue_saved',
    subjectType: 'hub',
    subjectId: scope.hub.id,
    payload: { tiers: classes.map((c) => c.tier) },
  });
  return getTalentCatalogue(tx, scope);
}

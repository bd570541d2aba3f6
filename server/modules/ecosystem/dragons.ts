import { eq, sql } from 'drizzle-orm';
import { dragonRuleSchema, type DragonRule } from '../../../contracts/ecosystem-insights.js';
import type { Db, Tx } from '../../db/connection.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/policies.js';
import { allow, definePolicy, HUB_STAFF } from '../../platform/policies.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { dragonRules } from './facts.tables.js';
import { touchEcosystem } from './summaries.js';

/**
 * A "dragon" is what the hub says it is: organisations it names outright, plus those
 * whose latest valuation reaches a threshold (in the threshold's currency), founded in
 * or after a year. The rule is data, per hub, and audited when it changes.
 */
export const NO_DRAGONS: DragonRule = { minValuation: null, foundedFrom: null, designated: [] };

const dragonRulePolicy = definePolicy<null>([allow(HUB_STAFF, 'read'), allow('hub_admin', 'update')]);

export async function getDragonRule(db: Db | Tx, hubId: string): Promise<DragonRule> {
  const [row] = await db.select({ rule: dragonRules.rule }).from(dragonRules).where(eq(dragonRules.hubId, hubId));
  return row ? dragonRuleSchema.parse(row.rule) : NO_DRAGONS;
}

export async function setDragonRule(tx: Tx, hub: HubRow, actor: Actor, rule: DragonRule): Promise<void> {
  dragonRulePolicy.authorize(actor, 'update', null);
  await tx
    .insert(dragonRules)
    .values({ hubId: hub.id, rule })
    .onConflictDoUpdate({ target: dragonRules.hubId, set: { rule, updatedAt: new Date() } });
  await recordAudit(tx, { hubId: hub.id, actorId: actor.userId, action: 'dragon_rule.set', subjectType: 'hub', subjectId: hub.id, payload: rule });
  await touchEcosystem(tx, hub.id);
}

/** Ids of the hub's dragons under its rule, computed in one query. */
export async function dragonIds(db: Db | Tx, hubId: string): Promise<Set<string>> {
  const rule = await getDragonRule(db, hubId);
  const designated = rule.designated.length ? rule.designated : ['00000000-0000-0000-0000-000000000000'];
  const min = rule.minValuation;
  const { rows } = await db.execute<{ id: string }>(sql`
    SELECT o.id FROM organizations o
    WHERE o.hub_id = ${hubId} AND o.id = ANY(${sql.param(designated)}::uuid[])
    ${
      min
        ? sql`UNION
    SELECT v.organization_id FROM (
      SELECT DISTINCT ON (f.organization_id) f.organization_id, f.amount_minor, f.currency
      FROM organization_facts f
      WHERE f.hub_id = ${hubId} AND f.metric = 'valuation'
      ORDER BY f.organization_id, f.as_of DESC
    ) v
    JOIN organizations o ON o.hub_id = ${hubId} AND o.id = v.organization_id
    WHERE v.currency = ${min.currency} AND v.amount_minor >= ${min.amountMinor}::bigint
      ${rule.foundedFrom ? sql`AND extract(year FROM o.founded_on) >= ${rule.foundedFrom}` : sql``}`
        : sql``
    }`);
  return new Set(rows.map((r) => r.id));
}

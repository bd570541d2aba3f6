import { eq, sql } from 'drizzle-orm';
import type { HubInput, HubSettings } from '../../../contracts/hubs.js';
import type { Tx } from '../../db/connection.js';
import { sqlState } from '../../db/transaction.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../../platform/policies.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { hubs } from '../../platform/tenancy/tenancy.tables.js';
import { insertHub } from '../../platform/tenancy/tenancy.service.js';
import { hubPolicy } from './hubs.policies.js';

/** A taken slug, as the field at fault. */
function asHubConflict(error: unknown): never {
  if (sqlState(error) === '23505') throw new AppError('HUB_EXISTS', [{ path: 'slug', code: 'TAKEN' }]);
  throw error;
}

/** The operator opens a hub with all its settings (the first admin is invited by the caller). */
export async function createHubAsOperator(tx: Tx, actor: Actor, input: HubInput): Promise<string> {
  if (!hubPolicy.can(actor, 'create', null)) throw new AppError('FORBIDDEN');
  const { firstAdminEmail: _firstAdmin, ...hub } = input;
  try {
    return await insertHub(tx, hub, actor.userId);
  } catch (error) {
    return asHubConflict(error);
  }
}

/** A hub admin changes the hub's settings (never its slug). */
export async function updateHubSettings(tx: Tx, { hub, actor }: { hub: HubRow; actor: Actor }, input: HubSettings): Promise<void> {
  hubPolicy.authorize(actor, 'update_settings', null, 'read_settings');
  try {
    await tx
      .update(hubs)
      .set({
        nameZh: input.name.zh,
        nameEn: input.name.en,
        country: input.country,
        timeZone: input.timeZone,
        currency: input.currency,
        defaultLocale: input.defaultLocale,
        fiscalYearStartMonth: input.fiscalYearStartMonth,
        workingDays: [...input.workingDays].sort(),
        holidays: [...new Set(input.holidays)].sort(),
        makeUpWorkdays: [...new Set(input.makeUpWorkdays)].sort(),
        code: input.code,
        techShareDefaultBp: input.techShareDefaultBasisPoints,
        ...(input.openDataPrefix !== undefined && { openDataPrefix: input.openDataPrefix }),
        ...(input.districts !== undefined && { districts: input.districts }),
      })
      .where(eq(hubs.id, hub.id));
  } catch (error) {
    asHubConflict(error);
  }
  await recordAudit(tx, {
    hubId: hub.id,
    actorId: actor.userId,
    action: 'hub.settings_updated',
    subjectType: 'hub',
    subjectId: hub.id,
    payload: { fields: Object.keys(input).sort() },
  });
}

/** Archives (read-only from then on) or reopens a hub; nothing is deleted. */
export async function setArchived(tx: Tx, { hub, actor }: { hub: HubRow; actor: Actor }, archived: boolean): Promise<void> {
  if (!hubPolicy.can(actor, 'archive', null)) throw new AppError('FORBIDDEN');
  await tx
    .update(hubs)
    .set({ archivedAt: archived ? sql`now()` : null })
    .where(eq(hubs.id, hub.id));
  await recordAudit(tx, { hubId: hub.id, actorId: actor.userId, action: archived ? 'hub.archived' : 'hub.reopened', subjectType: 'hub', subjectId: hub.id });
}

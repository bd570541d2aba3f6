import type { Locale } from '../../../contracts/error-messages.js';
import type { Db } from '../../db/connection.js';
import { localToday } from '../../platform/hub-time.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { commitmentTransactions } from '../budget/index.js';
import { publicOrganizations } from '../ecosystem/index.js';
import { publicAwards } from '../programs/index.js';
import { threeSixtyGivingPackage, type OpenAward } from './three-sixty-giving.js';

/** The hub's 360Giving prefix: its registered one (a hub setting), else `DG-<SLUG>`. */
export const openDataPrefix = (hub: HubRow) => hub.openDataPrefix ?? `DG-${hub.slug.toUpperCase()}`;

/**
 * The hub's awards to organisations as a 360Giving package. Awards to individuals are
 * left out and only counted and summed in the package's description.
 */
export async function openDataPackage(db: Db, hub: HubRow, locale: Locale) {
  const en = locale === 'en-US';
  const awards = await publicAwards(db, hub.id);
  const toOrgs = awards.filter((a) => a.organizationId);
  const toPeople = awards.filter((a) => !a.organizationId);
  const orgs = await publicOrganizations(db, hub.id, [...new Set(toOrgs.map((a) => a.organizationId!))]);
  const moves = await commitmentTransactions(
    db,
    hub.id,
    toOrgs.map((a) => a.commitmentId),
  );
  const movesOf = new Map<string, typeof moves>();
  for (const m of moves) {
    const list = movesOf.get(m.commitmentId);
    if (list) list.push(m);
    else movesOf.set(m.commitmentId, [m]);
  }
  const day = (at: Date) => localToday(hub.timeZone, at);
  const open: OpenAward[] = toOrgs.map((a) => {
    const org = orgs.get(a.organizationId!)!;
    const own = movesOf.get(a.commitmentId) ?? [];
    const committed = own.find((m) => m.kind === 'commitment');
    return {
      key: a.number,
      title: en ? a.program.en : a.program.zh,
      description: en ? a.program.descriptionEn : a.program.descriptionZh,
      amount: a.amount,
      awardDate: day(committed?.at ?? a.createdAt),
      recipient: { uscc: org.uscc, name: en ? org.en : org.zh },
      transactions: own.map((m) => ({ id: m.id, kind: m.kind, amount: m.amount, date: day(m.at) })),
    };
  });
  return threeSixtyGivingPackage({
    prefix: openDataPrefix(hub),
    funder: { id: openDataPrefix(hub), name: en ? hub.nameEn : hub.nameZh },
    locale,
    awards: open,
    individuals: { count: toPeople.length, amount: toPeople.reduce((s, a) => s + a.amount, 0n) },
  });
}

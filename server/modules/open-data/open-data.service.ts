import type { Locale } from '../../../contracts/error-messages.js';
import type { Db } from '../../db/connection.js';
import { localToday } from '../../platform/hub-time.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { commitmentTransactions } from '../budget/index.js';
import { publicOrganizations } from '../ecosystem/index.js';
import { publicAwardsAfter, publicAwardsToPeople, type PublicAwardRow } from '../programs/index.js';
import { threeSixtyGivingGrant, threeSixtyGivingHead, type OpenAward, type ThreeSixtyGivingGrant } from './three-sixty-giving.js';

/** The hub's 360Giving prefix: its registered one (a hub setting), else `DG-<SLUG>`. */
export const openDataPrefix = (hub: HubRow) => hub.openDataPrefix ?? `DG-${hub.slug.toUpperCase()}`;

/** How many awards the export reads at a time: a hub's whole history never sits in memory. */
export const OPEN_DATA_BATCH = 1_000;

/** These awards (to organisations) with their recipients and ledger movements, one statement each. */
async function openAwards(db: Db, hub: HubRow, en: boolean, awards: PublicAwardRow[]): Promise<OpenAward[]> {
  const orgs = await publicOrganizations(db, hub.id, [...new Set(awards.map((a) => a.organizationId!))]);
  const moves = await commitmentTransactions(
    db,
    hub.id,
    awards.map((a) => a.commitmentId),
  );
  const movesOf = new Map<string, typeof moves>();
  for (const m of moves) {
    const list = movesOf.get(m.commitmentId);
    if (list) list.push(m);
    else movesOf.set(m.commitmentId, [m]);
  }
  const day = (at: Date) => localToday(hub.timeZone, at);
  return awards.map((a) => {
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
}

/**
 * The hub's open data read batch by batch: the package's head (title, and the note counting
 * and summing the awards to individuals, who are never named), then its grants (awards to
 * organisations, oldest first) `batch` at a time, each batch read in three statements.
 */
export async function openDataGrants(db: Db, hub: HubRow, locale: Locale, batch = OPEN_DATA_BATCH) {
  const en = locale === 'en-US';
  const funder = { id: openDataPrefix(hub), name: en ? hub.nameEn : hub.nameZh };
  const head = threeSixtyGivingHead({ prefix: openDataPrefix(hub), funder, locale, individuals: await publicAwardsToPeople(db, hub.id) });
  async function* grants(): AsyncGenerator<ThreeSixtyGivingGrant[]> {
    let after: string | null = null;
    for (;;) {
      const awards = await publicAwardsAfter(db, hub.id, after, batch);
      if (awards.length === 0) return;
      const open = await openAwards(db, hub, en, awards);
      yield open.map((a) => threeSixtyGivingGrant({ prefix: openDataPrefix(hub), funder }, a));
      if (awards.length < batch) return;
      after = awards.at(-1)!.id;
    }
  }
  return { head, grants: grants() };
}

/** The hub's awards to organisations as one 360Giving package (in memory: tests and small hubs). */
export async function openDataPackage(db: Db, hub: HubRow, locale: Locale, batch = OPEN_DATA_BATCH) {
  const { head, grants } = await openDataGrants(db, hub, locale, batch);
  const all: ThreeSixtyGivingGrant[] = [];
  for await (const some of grants) all.push(...some);
  return { ...head, grants: all };
}

import type { Locale } from '../../../contracts/error-messages.js';
import type { Db } from '../../db/connection.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { publicAwardsAfter, publicAwardsToPeople } from '../programs/index.js';
import { rentGrantsAfter } from '../spaces/index.js';
import { fromApplication, fromLease, withDetails, type AwardDetail, type AwardRow } from './award-sources.js';
import { batched, chunked, mergeSorted } from './merge-sources.js';
import { threeSixtyGivingGrant, threeSixtyGivingHead, type OpenAward, type ThreeSixtyGivingGrant } from './three-sixty-giving.js';

/** The hub's 360Giving prefix: its registered one (a hub setting), else `DG-<SLUG>`. */
export const openDataPrefix = (hub: HubRow) => hub.openDataPrefix ?? `DG-${hub.slug.toUpperCase()}`;

/** How many awards the export reads at a time: a hub's whole history never sits in memory. */
export const OPEN_DATA_BATCH = 1_000;

/** Oldest first: the order both sources are read in (`(created_at, id)`). */
const oldestFirst = (a: AwardRow, b: AwardRow) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** An award in the request's language, as the 360Giving package states it. */
function openAward(a: AwardDetail, en: boolean): OpenAward {
  return {
    key: a.key,
    title: en ? a.program.en : a.program.zh,
    description: en ? a.description.en : a.description.zh,
    programme: { code: a.program.id, title: en ? a.program.en : a.program.zh },
    amount: a.amount,
    awardDate: a.awardedOn,
    recipient: { uscc: a.recipient.uscc, name: en ? a.recipient.en : a.recipient.zh },
    transactions: a.moves,
  };
}

/**
 * The hub's open data read batch by batch: the package's head (title, and the note counting
 * and summing the awards to individuals, who are never named), then its grants (awards to
 * organisations: applications and leases with a rent subsidy, merged oldest first) `batch`
 * at a time: each source read `batch` at a time as the merge needs it, and each batch's
 * recipients and ledger movements in one statement each.
 */
export async function openDataGrants(db: Db, hub: HubRow, locale: Locale, batch = OPEN_DATA_BATCH) {
  const en = locale === 'en-US';
  const prefix = openDataPrefix(hub);
  const funder = { id: prefix, name: en ? hub.nameEn : hub.nameZh };
  const head = threeSixtyGivingHead({ prefix, funder, locale, individuals: await publicAwardsToPeople(db, hub.id) });
  async function* grants(): AsyncGenerator<ThreeSixtyGivingGrant[]> {
    const applications = batched(async (after) => (await publicAwardsAfter(db, hub.id, after, batch)).map(fromApplication), batch);
    const leases = batched(async (after) => (await rentGrantsAfter(db, hub.id, after, batch)).map(fromLease), batch);
    for await (const some of chunked(mergeSorted([applications, leases], oldestFirst), batch)) {
      const awards = await withDetails(db, hub, some);
      yield awards.map((a) => threeSixtyGivingGrant({ prefix, funder }, openAward(a, en)));
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

import type { PublicAwardStatus } from '../../../contracts/open-data.js';
import type { Db } from '../../db/connection.js';
import { localToday } from '../../platform/hub-time.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { commitmentTransactions } from '../budget/index.js';
import { publicOrganizations, type PublicOrganization } from '../ecosystem/index.js';
import type { PublicAwardRow } from '../programs/index.js';
import type { RentGrantRow } from '../spaces/index.js';
import type { OpenAward } from './three-sixty-giving.js';

/**
 * An award to an organisation, whichever module made it: an application holding a
 * commitment (programs), or a lease with a rent subsidy (spaces: a rent-subsidy program
 * grants per lease). Both have UUIDv7 ids, so their lists merge by id.
 */
export type AwardRow = {
  id: string;
  /** Its short reference: the application's number, or the lease's reference. */
  key: string;
  status: PublicAwardStatus;
  program: { id: string; zh: string; en: string };
  description: { zh: string; en: string };
  organizationId: string;
  amount: bigint;
  commitmentIds: string[];
  /** When the award was made where its source records it (a lease: its signing); null: when its commitment was made. */
  madeAt: Date | null;
  createdAt: Date;
};

export const fromApplication = (a: PublicAwardRow): AwardRow => ({
  id: a.id,
  key: a.number,
  status: a.status as PublicAwardStatus,
  program: { id: a.program.id, zh: a.program.zh, en: a.program.en },
  description: { zh: a.program.descriptionZh, en: a.program.descriptionEn },
  organizationId: a.organizationId!,
  amount: a.amount,
  commitmentIds: [a.commitmentId],
  madeAt: null,
  createdAt: a.createdAt,
});

/** A lease's subsidy: paid month by month while the lease runs, closed once it has ended (or moved). */
export const fromLease = (l: RentGrantRow): AwardRow => {
  const area = Number(l.areaM2);
  return {
    id: l.id,
    key: l.ref,
    status: l.status === 'active' ? 'in_payment' : 'closed',
    program: l.program,
    description: {
      zh: `租约 ${l.ref} 的租金补贴：${area} 平方米，${l.startsOn} 至 ${l.endsOn}。`,
      en: `Rent subsidy on lease ${l.ref}: ${area} m² from ${l.startsOn} to ${l.endsOn}.`,
    },
    organizationId: l.organizationId,
    amount: l.amount,
    commitmentIds: l.commitmentIds,
    madeAt: l.createdAt,
    createdAt: l.createdAt,
  };
};

/** An award with its recipient, its day (in the hub's time zone) and its ledger movements. */
export type AwardDetail = AwardRow & { recipient: PublicOrganization; awardedOn: string; moves: OpenAward['transactions'] };

/** These awards' recipients and ledger movements: two statements for any number of them. */
export async function withDetails(db: Db, hub: HubRow, awards: AwardRow[]): Promise<AwardDetail[]> {
  const orgs = await publicOrganizations(db, hub.id, [...new Set(awards.map((a) => a.organizationId))]);
  const moves = await commitmentTransactions(
    db,
    hub.id,
    awards.flatMap((a) => a.commitmentIds),
  );
  const movesOf = new Map<string, typeof moves>();
  for (const m of moves) {
    const list = movesOf.get(m.commitmentId);
    if (list) list.push(m);
    else movesOf.set(m.commitmentId, [m]);
  }
  const day = (at: Date) => localToday(hub.timeZone, at);
  return awards.map((a) => {
    // A lease with an extension holds two commitments: its movements, in time order.
    const own = a.commitmentIds.flatMap((c) => movesOf.get(c) ?? []);
    if (a.commitmentIds.length > 1) own.sort((x, y) => x.at.getTime() - y.at.getTime() || x.id.localeCompare(y.id));
    const committed = own.find((m) => m.kind === 'commitment');
    return {
      ...a,
      recipient: orgs.get(a.organizationId)!,
      awardedOn: day(a.madeAt ?? committed?.at ?? a.createdAt),
      moves: own.map((m) => ({ id: m.id, kind: m.kind, amount: m.amount, date: day(m.at) })),
    };
  });
}

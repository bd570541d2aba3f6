import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { TableCounts } from '../../contracts/ecosystem-exchange.js';
import { fundingRounds, degrees } from '../../contracts/relations.js';
import { personRoles, talentTiers } from '../../contracts/people.js';
import { sectors } from '../../contracts/organizations.js';
import { usccCheckCharacter } from '../../contracts/uscc.js';
import { batchWriter } from '../modules/ecosystem/exchange/import-writer.js';
import { touchEcosystem } from '../modules/ecosystem/summaries.js';
import type { OrgValues, PersonValues, RelationValues } from '../modules/ecosystem/exchange/import-rows.js';
import { recordAudit } from '../platform/audit/audit.js';
import { newId } from '../modules/ecosystem/exchange/bulk.js';
import type { Db } from './connection.js';
import { withTransaction } from './transaction.js';

/**
 * A synthetic ecosystem for demos and benchmarks: a handful of universities, startups
 * founded in waves, people born decades before they found or join anything, and
 * relations whose popularity follows a power law (a few organisations and serial
 * founders gather most ties), every one passing the relation date rules. Seeded, so two
 * runs with the same seed make the same names, kinds and dates.
 */
export type SyntheticOptions = {
  organizations: number;
  people?: number;
  relations?: number;
  seed?: number;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
};

const UNIVERSITIES: [string, string][] = [
  ['Zhejiang University', '浙江大学'],
  ['Westlake University', '西湖大学'],
  ['Hangzhou Dianzi University', '杭州电子科技大学'],
  ['Zhejiang University of Technology', '浙江工业大学'],
  ['Hangzhou Normal University', '杭州师范大学'],
  ['China Academy of Art', '中国美术学院'],
  ['Tsinghua University', '清华大学'],
  ['Peking University', '北京大学'],
  ['Fudan University', '复旦大学'],
  ['Shanghai Jiao Tong University', '上海交通大学'],
  ['Zhejiang Sci-Tech University', '浙江理工大学'],
  ['Zhejiang Gongshang University', '浙江工商大学'],
];
const PLACES = [
  ['West Lake', '西湖'],
  ['Qiantang', '钱塘'],
  ['Binjiang', '滨江'],
  ['Xixi', '西溪'],
  ['Liangzhu', '良渚'],
  ['Yuhang', '余杭'],
  ['Xiaoshan', '萧山'],
  ['Zhijiang', '之江'],
];
const CORES = [
  ['Robotics', '机器人'],
  ['Vision', '视觉'],
  ['Data', '数据'],
  ['Neural', '神经'],
  ['Quantum', '量子'],
  ['Cloud', '云'],
  ['Bio', '生物'],
  ['Chip', '芯片'],
  ['Language', '语言'],
  ['Games', '游戏'],
];
const SUFFIX: Record<string, [string, string]> = {
  startup: ['Technology', '科技'],
  company: ['Group', '集团'],
  investor: ['Capital', '资本'],
  compute_provider: ['Compute', '算力'],
  government: ['Bureau', '局'],
};
const SURNAMES = [
  ['Wang', '王'],
  ['Li', '李'],
  ['Zhang', '张'],
  ['Liu', '刘'],
  ['Chen', '陈'],
  ['Yang', '杨'],
  ['Zhao', '赵'],
  ['Huang', '黄'],
  ['Zhou', '周'],
  ['Wu', '吴'],
  ['Xu', '徐'],
  ['Sun', '孙'],
];
const GIVEN = [
  ['Wei', '伟'],
  ['Fang', '芳'],
  ['Min', '敏'],
  ['Jing', '静'],
  ['Lei', '磊'],
  ['Yang', '洋'],
  ['Yong', '勇'],
  ['Jie', '杰'],
  ['Tao', '涛'],
  ['Chao', '超'],
  ['Ming', '明'],
  ['Hui', '慧'],
];
const KINDS: [string, number][] = [
  ['startup', 65],
  ['company', 18],
  ['investor', 9],
  ['compute_provider', 5],
  ['government', 1],
];

const DAY = 86_400_000;
const YEAR = 365.25;
const dayOf = (iso: string) => Math.floor(Date.parse(iso) / DAY);
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** mulberry32: small, fast, seedable (the benches use it too). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Generates and writes the ecosystem in one transaction, with one audit event. */
export async function generateEcosystem(db: Db, hubId: string, options: SyntheticOptions): Promise<TableCounts> {
  const nOrgs = options.organizations;
  const nPeople = options.people ?? nOrgs * 2;
  const nRelations = options.relations ?? nOrgs * 5;
  const total = nOrgs + nPeople + nRelations;
  const next = seededRandom(options.seed ?? 2026);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  /** Index in [0, n) drawn from a power law: low indexes are picked far more often. */
  const popular = (n: number, skew = 2.5) => Math.min(n - 1, Math.floor(n * next() ** skew));
  const today = dayOf(new Date().toISOString().slice(0, 10));
  // A random start for the USCC serials, so a second run into the same hub does not collide.
  const usccOffset = randomInt(0, 31 ** 9 - nOrgs - 1);
  // Nine in ten organisations say which of the hub's districts they are in (when it has a list).
  const { rows: hubRows } = await db.execute<{ codes: string[] }>(
    sql`SELECT coalesce(array(SELECT d->>'code' FROM jsonb_array_elements(districts) d), '{}') AS codes FROM hubs WHERE id = ${hubId}`,
  );
  const districts = hubRows[0]?.codes ?? [];

  return withTransaction(
    db,
    async (tx) => {
      const writer = batchWriter(tx, hubId, options.batchSize ?? 5_000);
      let done = 0;
      const tick = async (table: 'organizations' | 'people' | 'relations', values: OrgValues | PersonValues | RelationValues) => {
        await writer.add({ ok: true, table, values } as never);
        if (++done % 5_000 === 0) options.onProgress?.(done, total);
      };

      // Organisations: what relations need of them is kept in typed arrays.
      const orgIds: string[] = new Array(nOrgs);
      const orgFounded = new Int32Array(nOrgs);
      const byKind = new Map<string, number[]>();
      const nUniversities = Math.min(nOrgs, Math.max(1, Math.min(UNIVERSITIES.length, Math.round(nOrgs / 500))));
      for (let i = 0; i < nOrgs; i++) {
        const university = i < nUniversities;
        const kind = university ? 'university' : weighted(KINDS, next);
        const founded = university ? dayOf(`${1897 + Math.floor(next() * 110)}-09-01`) : foundingDay(kind, next, today);
        const [placeEn, placeZh] = pick(PLACES);
        const [coreEn, coreZh] = pick(CORES);
        const [name, nameZh] = university ? UNIVERSITIES[i]! : [`${placeEn} ${coreEn} ${SUFFIX[kind]![0]} ${i}`, `${placeZh}${coreZh}${SUFFIX[kind]![1]}${i}`];
        orgIds[i] = newId();
        orgFounded[i] = founded;
        (byKind.get(kind) ?? byKind.set(kind, []).get(kind)!).push(i);
        const chosen = university ? ['education'] : [...new Set([pick(sectors), pick(sectors)])];
        await tick('organizations', {
          id: orgIds[i]!,
          kind,
          nameZh,
          nameEn: name,
          uscc: usccFor(usccOffset + i),
          foundedOn: isoOf(founded),
          sectors: chosen,
          headcount: university ? null : 1 + Math.floor(next() ** 3 * 5_000),
          website: next() < 0.6 ? `https://org-${i}.example.cn` : null,
          district: districts.length > 0 && next() < 0.9 ? districts[popular(districts.length, 1.5)]! : null,
        });
      }

      const personIds: string[] = new Array(nPeople);
      const born = new Int32Array(nPeople);
      for (let i = 0; i < nPeople; i++) {
        const [surEn, surZh] = pick(SURNAMES);
        const [givenEn, givenZh] = pick(GIVEN);
        personIds[i] = newId();
        born[i] = dayOf('1950-01-01') + Math.floor(next() * 53 * YEAR);
        const roles = [...new Set([pick(personRoles), ...(next() < 0.3 ? [pick(personRoles)] : [])])];
        await tick('people', {
          id: personIds[i]!,
          nameZh: `${surZh}${givenZh}${i}`,
          nameEn: `${givenEn} ${surEn} ${i}`,
          roles,
          bornOn: isoOf(born[i]!),
          talentTier: next() < 0.1 ? pick(talentTiers) : null,
        });
      }

      // Relations: founders first (1-3 per startup or company), then the rest by kind.
      const startups = [...(byKind.get('startup') ?? []), ...(byKind.get('company') ?? [])];
      const universities = byKind.get('university') ?? [];
      const investors = byKind.get('investor') ?? [];
      const companies = startups.length ? startups : [...orgIds.keys()];
      let made = 0;
      const relation = async (
        r: Omit<RelationValues, 'id' | 'title' | 'degree' | 'round' | 'amountMinor' | 'currency' | 'sourceUrl' | 'sourceNote' | 'endsOn'> &
          Partial<RelationValues>,
      ) => {
        made++;
        await tick('relations', {
          id: newId(),
          title: null,
          degree: null,
          round: null,
          amountMinor: null,
          currency: null,
          sourceUrl: null,
          sourceNote: 'synthetic',
          endsOn: null,
          ...r,
        });
      };
      /** A person old enough (20+) on `day`, favouring the well connected; null after a few misses. */
      const adultOn = (day: number): number | null => {
        for (let tries = 0; tries < 8; tries++) {
          const p = popular(nPeople, 1.8);
          if (born[p]! + 20 * YEAR <= day) return p;
        }
        return null;
      };

      for (const o of startups) {
        if (made >= nRelations * 0.3 || nPeople === 0) break;
        const founders = 1 + Math.floor(next() ** 2 * 3);
        for (let f = 0; f < founders && made < nRelations; f++) {
          const p = adultOn(orgFounded[o]!);
          if (p !== null)
            await relation({
              kind: 'founded',
              fromPersonId: personIds[p]!,
              fromOrganizationId: null,
              toOrganizationId: orgIds[o]!,
              startsOn: isoOf(orgFounded[o]!),
            });
        }
      }
      let misses = 0;
      while (made < nRelations && misses < nRelations) {
        const kind = next();
        if (kind < 0.35 && universities.length && nPeople) {
          const p = popular(nPeople, 1.3);
          const start = born[p]! + Math.floor(18 * YEAR);
          if (start > today) {
            misses++;
            continue;
          }
          await relation({
            kind: 'alumnus_of',
            fromPersonId: personIds[p]!,
            fromOrganizationId: null,
            toOrganizationId: orgIds[universities[popular(universities.length)]!]!,
            startsOn: isoOf(start),
            endsOn: isoOf(Math.min(today, start + Math.floor(4 * YEAR))),
            degree: pick(degrees),
          });
        } else if (kind < 0.7 && nPeople) {
          const o = companies[popular(companies.length)]!;
          const p = popular(nPeople, 1.3);
          const start = Math.max(orgFounded[o]!, born[p]! + Math.floor(22 * YEAR)) + Math.floor(next() * 3 * YEAR);
          if (start > today) {
            misses++;
            continue;
          }
          await relation({
            kind: 'works_at',
            fromPersonId: personIds[p]!,
            fromOrganizationId: null,
            toOrganizationId: orgIds[o]!,
            startsOn: isoOf(start),
            title: pick(['Engineer', 'Researcher', 'Product Manager', 'CTO', 'Sales']),
          });
        } else if (kind < 0.85 && investors.length) {
          const o = companies[popular(companies.length)]!;
          const start = Math.min(today, orgFounded[o]! + Math.floor(next() * 6 * YEAR));
          await relation({
            kind: 'invested_in',
            fromPersonId: null,
            fromOrganizationId: orgIds[investors[popular(investors.length, 1.5)]!]!,
            toOrganizationId: orgIds[o]!,
            startsOn: isoOf(start),
            round: pick(fundingRounds),
            amountMinor: String(100_000_00 * (1 + Math.floor(next() ** 3 * 10_000))),
            currency: 'CNY',
          });
        } else {
          const a = popular(nOrgs);
          const b = popular(nOrgs);
          if (a === b) {
            misses++;
            continue;
          }
          const start = Math.min(today, Math.max(orgFounded[a]!, orgFounded[b]!) + Math.floor(next() * 2 * YEAR));
          await relation({
            kind: next() < 0.5 ? 'partners_with' : 'supplies_to',
            fromPersonId: null,
            fromOrganizationId: orgIds[a]!,
            toOrganizationId: orgIds[b]!,
            startsOn: isoOf(start),
          });
        }
      }
      const counts = await writer.finish();
      options.onProgress?.(total, total);
      await recordAudit(tx, {
        hubId,
        actorId: null,
        action: 'ecosystem.generated',
        subjectType: 'hub',
        subjectId: hubId,
        payload: { written: counts, seed: options.seed ?? 2026 },
      });
      await touchEcosystem(tx, hubId);
      return counts;
    },
    { isolation: 'read committed' },
  );
}

function weighted(choices: [string, number][], next: () => number): string {
  const sum = choices.reduce((s, [, w]) => s + w, 0);
  let r = next() * sum;
  for (const [value, w] of choices) if ((r -= w) < 0) return value;
  return choices[0]![0];
}

/** Startups come in waves after 2008; companies and investors are older. */
function foundingDay(kind: string, next: () => number, today: number): number {
  const from = kind === 'startup' ? dayOf('2008-01-01') : dayOf('1990-01-01');
  const span = today - from - 30;
  // Skewed towards recent years for startups, as a register grows.
  const u = kind === 'startup' ? Math.sqrt(next()) : next();
  return from + Math.floor(u * span);
}

/** A valid USCC from a serial: unique by construction within one run. */
export function usccFor(serial: number): string {
  let code = '';
  for (let n = serial, i = 0; i < 9; i++, n = Math.floor(n / 31)) code = USCC_ALPHABET[n % 31]! + code;
  const body = `91330100${code}`;
  return body + usccCheckCharacter(body)!;
}

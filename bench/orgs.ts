import { organizationKinds, sectors, type OrganizationKind } from '../contracts/organizations.js';
import { usccCheckCharacter } from '../contracts/uscc.js';
import type { Db } from '../server/db/connection.js';
import { organizations } from '../server/modules/ecosystem/organizations.tables.js';
import { uuidv7 } from '../server/platform/ids.js';
import { progressBar } from '../server/cli/progress.js';
import { seededRandom } from '../server/db/synthetic.js';

/**
 * Synthetic organisations for the list benchmarks. A seeded generator, not Math.random:
 * every run lists the same names in the same order, so runs compare.
 */

// Two of the sixteen cores contain "robot", so `q=robot` matches about one row in eight.
const PLACES = [
  ['West Lake', '西湖'],
  ['Qiantang', '钱塘'],
  ['Binjiang', '滨江'],
  ['Xixi', '西溪'],
  ['Liangzhu', '良渚'],
  ['Gongshu', '拱墅'],
  ['Yuhang', '余杭'],
  ['Xiaoshan', '萧山'],
  ['Jiangnan', '江南'],
  ['Zhijiang', '之江'],
  ['Azure Dragon', '青龙'],
  ['Silk Road', '丝路'],
  ['Jade Spring', '玉泉'],
  ['Lotus', '荷花'],
  ['Pearl', '明珠'],
  ['Cloud Peak', '云峰'],
] as const;
const CORES = [
  ['Robotics', '机器人'],
  ['Vision', '视觉'],
  ['Data', '数据'],
  ['Neural', '神经'],
  ['Quantum', '量子'],
  ['Cloud', '云'],
  ['Bio', '生物'],
  ['Chip', '芯片'],
  ['Learning', '学习'],
  ['Logistics', '物流'],
  ['Fintech', '金融科技'],
  ['Games', '游戏'],
  ['Health', '健康'],
  ['Sensor', '传感'],
  ['Robot Works', '机器人工场'],
  ['Language', '语言'],
] as const;
const SUFFIX: Record<OrganizationKind, readonly [string, string]> = {
  startup: ['Technology', '科技有限公司'],
  company: ['Group', '集团'],
  university: ['University Lab', '大学实验室'],
  investor: ['Capital', '资本'],
  compute_provider: ['Compute', '算力'],
  government: ['Bureau', '局'],
};
// Mostly startups and companies, as in a real hub's register.
const KIND_WEIGHTS: Record<OrganizationKind, number> = { startup: 60, company: 20, university: 5, investor: 8, compute_provider: 5, government: 2 };

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * A valid USCC derived from the row's index rather than drawn at random (as validUscc in
 * server/test/factories.ts does): unique by construction, so a batch never hits the
 * (hub, uscc) constraint by bad luck.
 */
export function usccFor(index: number): string {
  let code = '';
  for (let n = index, i = 0; i < 9; i++, n = Math.floor(n / 31)) code = USCC_ALPHABET[n % 31]! + code;
  const body = `91330100${code}`;
  return body + usccCheckCharacter(body)!;
}

type NewOrganization = typeof organizations.$inferInsert;

export function syntheticOrganizations(hubId: string, count: number, seed = 2026): NewOrganization[] {
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const kinds = organizationKinds.flatMap((k) => Array<OrganizationKind>(KIND_WEIGHTS[k]).fill(k));
  const rows: NewOrganization[] = [];
  for (let i = 0; i < count; i++) {
    const kind = pick(kinds);
    const [placeEn, placeZh] = pick(PLACES);
    const [coreEn, coreZh] = pick(CORES);
    const [suffixEn, suffixZh] = SUFFIX[kind];
    const serial = String(i).padStart(5, '0');
    const chosen = new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(sectors)));
    const year = 1995 + Math.floor(next() * 30);
    const day = `${year}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
    rows.push({
      hubId,
      id: uuidv7(),
      kind,
      nameEn: `${placeEn} ${coreEn} ${suffixEn} ${serial}`,
      nameZh: `${placeZh}${coreZh}${suffixZh}${serial}`,
      uscc: usccFor(i),
      foundedOn: next() < 0.9 ? day : null,
      sectors: [...chosen],
      headcount: next() < 0.8 ? 1 + Math.floor(next() ** 3 * 5000) : null,
      website: next() < 0.7 ? `https://org-${serial}.example.cn` : null,
    });
  }
  return rows;
}

/** Multi-row inserts of `batchSize` (11 columns x 1,000 rows stays far below PostgreSQL's 65,535 parameters). */
export async function insertOrganizations(db: Db, hubId: string, count: number, batchSize = 1_000): Promise<number> {
  const rows = syntheticOrganizations(hubId, count);
  const bar = progressBar(`Inserting ${count.toLocaleString('en-US')} organisations`);
  const started = performance.now();
  for (let i = 0; i < rows.length; i += batchSize) {
    await db.insert(organizations).values(rows.slice(i, i + batchSize));
    bar.update(Math.min(i + batchSize, rows.length), rows.length);
  }
  bar.stop();
  return performance.now() - started;
}

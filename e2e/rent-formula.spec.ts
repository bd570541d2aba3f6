import { expect, test } from '@playwright/test';
import { expectAccessible } from './accessibility.js';
import { chooseLanguage, signIn } from './demo-session.js';
import { seedYear } from '../server/db/demo-year.js';

// An officer edits a rent subsidy as rows on a program of their own (the demo programs the
// spaces spec relies on stay as they are): the rows, the words as built, a save that makes
// a new version of the formula, in both languages.

const journeys = [
  {
    language: 'English',
    words: 'As these periods stand, the subsidy is:',
    share: 'Period 2 share of the rent (%)',
    year2: 'Lease year 2: 40% of the rent.',
    cap: 'At most CNY 80 per m² per month.',
    save: /^Save$/,
    saved: /Saved \(version 2\)/,
  },
  {
    language: '中文',
    words: '按当前各段，补贴为：',
    share: '第 2 段：补贴租金比例（%）',
    year2: '租期第 2 年：补贴租金的 40%。',
    cap: '每平方米每月最多',
    save: /^保\s?存$/,
    saved: /已保存（版本 2）/,
  },
] as const;

for (const j of journeys) {
  test(`an officer edits a rent subsidy as rows and saves a new version (${j.language})`, async ({ page }) => {
    await signIn(page, 'officer@hangzhou.demo');
    const origin = new URL(page.url()).origin;
    const stamp = `${Date.now()}-${j.language === 'English' ? 'en' : 'zh'}`;
    const full = { basisPoints: 10_000 };
    const created = await page.request.post('/api/hubs/hangzhou/programs', {
      headers: { origin },
      data: {
        name: { zh: `租金补贴行 ${stamp}`, en: `Rent rows ${stamp}` },
        description: { zh: '端到端测试', en: 'End-to-end test' },
        kind: 'rent_subsidy',
        sectors: ['ai'],
        window: { opensOn: `${seedYear()}-01-01`, closesOn: `${seedYear()}-12-31` },
        budgetLine: 'office-rent-subsidy',
        fiscalYear: seedYear(), // the demo seed's budget, this year
        onePerApplicant: false,
        rules: {
          applicantType: 'organization',
          mode: 'rule_only',
          form: [],
          criteria: [],
          benefit: {
            type: 'rent',
            tranches: [{ shareBasisPoints: 10_000, condition: null }],
            years: [full, { basisPoints: 5_000 }, { basisPoints: 5_000 }],
            capPerSquareMetreMonth: '8000',
            capArea: 1000,
          },
        },
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { id } = (await created.json()) as { id: string };

    await page.goto(`/hubs/hangzhou/programs/${id}/edit`);
    await chooseLanguage(page, j.language);
    const words = page.getByRole('list', { name: j.words });
    await expect(words).toContainText(j.cap);
    await page.getByLabel(j.share).fill('40');
    await expect(words).toContainText(j.year2);
    await expectAccessible(page, `rent rows (${j.language})`);
    await page.getByRole('button', { name: j.save }).click();
    await expect(page.getByText(j.saved)).toBeVisible();

    const saved = await (await page.request.get(`/api/hubs/hangzhou/programs/${id}`)).json();
    expect(saved.version).toBe(2);
    expect(saved.rules.benefit.years).toEqual([full, { basisPoints: 4_000 }, { basisPoints: 4_000 }]);
  });
}

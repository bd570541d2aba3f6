import { expect as baseExpect, test } from '@playwright/test';
import { expectAccessible, expectNoAntdEnglish, expectOneH1 } from './accessibility.js';
import { DEMO_PASSWORD } from './demo-session.js';
import { buttonName, LANGUAGES, PAGE_LOAD, personIn, signInAs, WORDS } from './hub-people.js';

// A shared, busy machine: the page loads its code and ECharts on demand.
const expect = baseExpect.configure({ timeout: 20_000 });

for (const lang of LANGUAGES) {
  test(`${lang}: the hub admin's dashboard: money committed, paid and left, awards, charts, use of stays, space and compute; printable`, async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const t = WORDS[lang];
    const admin = await personIn(browser, lang);
    await signInAs(admin, lang, 'admin@hangzhou.demo', DEMO_PASSWORD);
    await admin.goto('/hubs/hangzhou/organizations');
    // The menu offers the dashboard to the hub admin.
    await expect(admin.getByRole('banner').locator('a[href="/hubs/hangzhou/dashboard"]').first()).toBeAttached({ timeout: PAGE_LOAD });
    await admin.goto('/hubs/hangzhou/dashboard');
    await expect(admin.getByRole('heading', { level: 1, name: new RegExp(`^${t.dashboard.title}`) })).toBeVisible({ timeout: PAGE_LOAD });
    for (const key of ['envelope', 'committed', 'paid', 'left', 'awards', 'awarded'] as const)
      await expect(admin.locator('.ant-statistic-title').getByText(t.dashboard[key], { exact: true })).toBeVisible();
    // The seeded year has awards: its months and programs are charts people can find by name.
    await expect(admin.getByRole('img', { name: t.dashboard.trendLabel })).toBeVisible();
    await expect(admin.getByRole('img', { name: t.dashboard.programsLabel }).locator('canvas')).toBeVisible();
    for (const region of [t.dashboard.stays, t.dashboard.spaces, t.dashboard.compute]) await expect(admin.getByRole('region', { name: region })).toBeVisible();
    // The last 12 months of stays, space and compute use: three charts, each with its figures in words.
    for (const [region, chart] of [
      [t.dashboard.trendStays, t.dashboard.trendStaysLabel],
      [t.dashboard.trendSpaces, t.dashboard.trendSpacesLabel],
      [t.dashboard.trendCompute, t.dashboard.trendComputeLabel],
    ] as const) {
      const part = admin.getByRole('region', { name: region });
      await expect(part.getByRole('img', { name: chart }).locator('canvas')).toBeVisible();
      await expect(part.locator('.ant-typography-secondary')).not.toBeEmpty();
    }
    await admin.waitForLoadState('networkidle');
    await expectOneH1(admin);
    await expectAccessible(admin, `dashboard ${lang}`);
    if (lang === 'zh-CN') await expectNoAntdEnglish(admin, 'dashboard');

    // Printed, it is the report: figures and charts without the menu or buttons.
    await admin.emulateMedia({ media: 'print' });
    await expect(admin.getByRole('banner')).toBeHidden();
    await expect(admin.getByRole('button', { name: buttonName(t.dashboard.print) })).toBeHidden();
    await expect(admin.getByRole('img', { name: t.dashboard.trendLabel })).toBeVisible();
    for (const chart of [t.dashboard.trendStaysLabel, t.dashboard.trendSpacesLabel, t.dashboard.trendComputeLabel])
      await expect(admin.getByRole('img', { name: chart })).toBeVisible();
    await admin.context().close();
  });
}

test('a program officer has no dashboard: not in the menu, and the page says so', async ({ browser }) => {
  test.setTimeout(120_000);
  const officer = await personIn(browser, 'en-US');
  await signInAs(officer, 'en-US', 'officer@hangzhou.demo', DEMO_PASSWORD);
  await officer.goto('/hubs/hangzhou/dashboard');
  await expect(officer.getByRole('banner').locator('a[href="/hubs/hangzhou/programs"]').first()).toBeAttached({ timeout: PAGE_LOAD });
  await expect(officer.getByRole('banner').locator('a[href="/hubs/hangzhou/dashboard"]')).toHaveCount(0);
  await expect(officer.getByRole('img', { name: WORDS['en-US'].dashboard.trendLabel })).toHaveCount(0);
  await expect(officer.locator('.ant-result, .ant-alert').first()).toBeVisible();
  await officer.context().close();
});

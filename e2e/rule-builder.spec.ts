import { expectAccessible } from './accessibility.js';
import { expect, test, type Page } from '@playwright/test';
import { chooseLanguage, signIn } from './demo-session.js';
import { chooseOption } from './select.js';
import { keepScreenshot } from './screenshot.js';

/** What the officer and the visitor read, in each language the journey runs in. */
const languages = [
  {
    locale: 'en-US',
    label: 'English',
    newProgram: 'New program',
    createTitle: 'New program',
    nameZh: 'Name in Chinese',
    nameEn: 'Name in English',
    budgetLine: 'Budget line',
    amount: 'Amount (yuan)',
    addCriterion: 'Add criterion',
    addRow: 'Add a row',
    fact: (n: number) => `Row ${n}: Fact`,
    op: (n: number) => `Row ${n}: Comparison`,
    values: (n: number) => `Row ${n}: Values`,
    value: (n: number) => `Row ${n}: Value`,
    kindLabel: 'Kind of organisation',
    startup: 'Startup',
    headcountLabel: 'Employees',
    lessThan: 'less than',
    joinLabel: 'Between rows',
    all: 'Every row holds',
    reasonZh: 'Reason when criterion 1 fails (Chinese)',
    reasonEn: 'Reason when criterion 1 fails (English)',
    oneRow: 'In words: It is a startup.',
    twoRows: 'In words: It is a startup and it has fewer than 50 employees.',
    saveRegion: 'Save',
    save: /^Save$/,
    publish: /^Publish$/,
    publishOk: 'Yes, publish',
    whoQualifies: 'Who qualifies',
    publicWords: 'It is a startup and it has fewer than 50 employees.',
  },
  {
    locale: 'zh-CN',
    label: '中文',
    newProgram: '新建项目',
    createTitle: '新建项目',
    nameZh: '中文名称',
    nameEn: '英文名称',
    budgetLine: '预算科目',
    amount: '金额（元）',
    addCriterion: '添加条件',
    addRow: '添加一行',
    fact: (n: number) => `第 ${n} 行：条件`,
    op: (n: number) => `第 ${n} 行：比较`,
    values: (n: number) => `第 ${n} 行：可选值`,
    value: (n: number) => `第 ${n} 行：值`,
    kindLabel: '机构类型',
    startup: '初创企业',
    headcountLabel: '员工人数',
    lessThan: '少于',
    joinLabel: '各行之间',
    all: '全部满足',
    reasonZh: '第 1 个条件不符合时的中文说明',
    reasonEn: '第 1 个条件不符合时的英文说明',
    oneRow: '规则原文：机构类型为初创企业。',
    twoRows: /^规则原文：机构类型为初创企业.*员工人数少于50人/,
    saveRegion: '保存',
    // antd spaces out a two-character Chinese button label.
    save: /^保 ?存$/,
    publish: /^发 ?布$/,
    publishOk: '确定发布',
    whoQualifies: '申请条件',
    publicWords: /机构类型为初创企业.*员工人数少于50人/,
  },
] as const;

/** Chooses exactly `option` (not "不少于" for "少于") in the select labelled `label`. */
async function pick(page: Page, label: string, option: string) {
  const exact = new RegExp(`^${option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  await chooseOption(page, page.getByLabel(label, { exact: true }), exact);
}

for (const l of languages) {
  test.describe(l.locale, () => {
    test(`an officer writes a new program's rule as rows, reads it in words, publishes, and a visitor reads it (${l.locale})`, async ({ page, browser }) => {
      test.setTimeout(180_000);
      const stamp = `${l.locale}-${Date.now().toString(36)}`;
      const nameEn = `Rule builder grant ${stamp}`;
      const nameZh = `规则构建资助 ${stamp}`;

      // The program officer, in the run's language, starts a new program of their own.
      await signIn(page, 'officer@hangzhou.demo');
      await page.goto('/hubs/hangzhou/programs');
      await chooseLanguage(page, l.label);
      await page.getByRole('link', { name: l.newProgram }).click();
      await expect(page.getByRole('heading', { name: l.createTitle, level: 1 })).toBeVisible();
      await page.getByLabel(l.nameZh, { exact: true }).first().fill(nameZh);
      await page.getByLabel(l.nameEn, { exact: true }).first().fill(nameEn);
      // The first budget line offered, chosen until the select shows it (a dropped click would leave the program without one).
      const budgetLine = page.getByLabel(l.budgetLine, { exact: true });
      await budgetLine.click();
      // An option shows the line's name, then its code in grey: the name is what the select shows once chosen.
      const firstLine = (await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').first().innerText())
        .split('\n')[0]!
        .trim();
      await page.keyboard.press('Escape');
      await chooseOption(page, budgetLine, firstLine);
      await page.getByLabel(l.amount, { exact: true }).fill('200000');

      // The rule, row by row, in words as it grows.
      await page.getByRole('button', { name: l.addCriterion }).click();
      const card = page.locator('[data-criterion-card="1"]');
      await card.getByRole('button', { name: l.addRow }).click();
      await pick(page, l.fact(1), l.kindLabel);
      await pick(page, l.values(1), l.startup);
      await page.keyboard.press('Escape');
      await expect(card.locator('[data-rule-words]')).toHaveText(l.oneRow);
      await card.getByRole('button', { name: l.addRow }).click();
      await pick(page, l.fact(2), l.headcountLabel);
      await pick(page, l.op(2), l.lessThan);
      await card.getByLabel(l.value(2), { exact: true }).fill('50');
      await expect(card.getByRole('radio', { name: l.all })).toBeChecked();
      await expect(card.locator('[data-rule-words]')).toHaveText(l.twoRows);
      await expect(card.locator('[data-rule-cel]')).toHaveText('applicant.kind == "startup" && applicant.headcount < 50');
      // The criterion's names follow the words; the officer writes why an applicant fails it.
      await card.getByLabel(l.reasonZh, { exact: true }).fill('须为员工不足 50 人的初创企业。');
      await card.getByLabel(l.reasonEn, { exact: true }).fill('You must be a startup with fewer than 50 employees.');
      await expectAccessible(page, `new program with a rule (${l.locale})`);

      await page.getByRole('region', { name: l.saveRegion }).getByRole('button', { name: l.save }).click();
      await expect(page).toHaveURL(/\/programs\/[0-9a-f-]{36}\/edit$/);
      await expect(page.locator('[data-criterion-card="1"] [data-rule-words]')).toHaveText(l.twoRows);
      await page.getByRole('region', { name: l.saveRegion }).getByRole('button', { name: l.publish }).click();
      await page.getByRole('button', { name: l.publishOk }).click();
      await expect(page).toHaveURL(/\/programs\/[0-9a-f-]{36}$/);
      const programUrl = new URL(page.url()).pathname;

      // A signed-out visitor reads the rule in words on the public page.
      const visitor = await browser.newContext();
      const publicPage = await visitor.newPage();
      await publicPage.goto(programUrl);
      await chooseLanguage(publicPage, l.label);
      const who = publicPage.locator('.ant-card').filter({ has: publicPage.getByText(l.whoQualifies, { exact: true }) });
      await expect(who).toContainText(l.publicWords);
      await expectAccessible(publicPage, `public program with the rule (${l.locale})`);
      await keepScreenshot(publicPage, `rule-builder-public-${l.locale}`);
      await visitor.close();
    });
  });
}

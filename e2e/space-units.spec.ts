import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible } from './accessibility.js';
import { chooseLanguage, signIn } from './demo-session.js';
import { expectFitsPhone, PHONE } from './phone.js';
import { chooseOption } from './select.js';
import { keepScreenshot } from './screenshot.js';

// The space operator adds a unit with a photo on the desk and edits it (rent, a second
// photo); the company, on a phone, sees the free unit with its photos. Once per language,
// each with a unit of its own under the demo's building DT-A.

// A 2×2 PNG: real pictures, so the page shows them.
const png = (rgb: string) =>
  Buffer.from(
    rgb === 'red'
      ? 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGO4o6EBRAwQCgAjrgSxn17XlQAAAABJRU5ErkJggg=='
      : 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGPQsLkDRAwQCgAgPgUBnTSBygAAAABJRU5ErkJggg==',
    'base64',
  );

const runs = [
  {
    language: 'English',
    code: 'DT-A-901',
    copy: {
      desk: 'Space desk',
      addUnder: 'Add under DT-A',
      kind: 'What it is',
      unit: 'Unit',
      code: 'Code',
      nameZh: 'Name (Chinese)',
      nameEn: 'Name (English)',
      area: 'Area (m²)',
      seats: 'Seats',
      rent: 'List rent (CNY per m² a month)',
      confirm: /^Confirm$/,
      edit: 'Edit DT-A-901',
      photo: (n: number) => `DT-A-901, photo ${n}`,
      page: 'Office space',
      showAll: /^Show all \d+$/,
      rentShown: 'CNY 72',
    },
  },
  {
    language: '中文',
    code: 'DT-A-902',
    copy: {
      desk: '空间运营',
      addUnder: '在 DT-A 下添加',
      kind: '类型',
      unit: '单元',
      code: '编号',
      nameZh: '名称（中文）',
      nameEn: '名称（英文）',
      area: '面积（平方米）',
      seats: '工位数',
      rent: '挂牌租金（元/平方米/月）',
      confirm: /^确\s*认$/,
      edit: '编辑 DT-A-902',
      photo: (n: number) => `DT-A-902 第 ${n} 张照片`,
      page: '办公空间',
      showAll: /^显示全部 \d+ 个$/,
      rentShown: '72元',
    },
  },
] as const;

/** Uploads a picture through the dialog's photo field and waits for its thumbnail. */
async function addPhoto(page: Page, name: string, content: Buffer, alt: string) {
  await page.getByRole('dialog').locator('input[type=file]').setInputFiles({ name, mimeType: 'image/png', buffer: content });
  await expect(page.getByRole('dialog').getByRole('img', { name: alt })).toBeVisible({ timeout: 30_000 });
}

/** Every picture in `scope` has loaded (it is an image the browser could decode). */
async function expectLoaded(scope: Locator, count: number) {
  await expect(scope.getByRole('img')).toHaveCount(count);
  for (const img of await scope.getByRole('img').all()) await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
}

for (const run of runs) {
  const c = run.copy;
  test(`space units: the operator adds and edits a unit with photos; the company sees them (${run.language})`, async ({ page, browser }) => {
    test.setTimeout(240_000);
    await signIn(page, 'space@hangzhou.demo');
    await page.goto('/hubs/hangzhou/space-desk');
    await chooseLanguage(page, run.language);
    await expect(page.getByRole('heading', { name: c.desk })).toBeVisible();

    await page.getByRole('button', { name: c.addUnder, exact: true }).click();
    const dialog = page.getByRole('dialog');
    // The unit's kind, chosen until the select shows it: the area and seats appear only for a unit.
    await chooseOption(page, dialog.getByLabel(c.kind, { exact: true }), new RegExp(`^${c.unit}$`));
    await dialog.getByLabel(c.code).fill(run.code);
    await dialog.getByLabel(c.nameZh).fill('九层东侧');
    await dialog.getByLabel(c.nameEn).fill('East wing, 9th floor');
    await dialog.getByLabel(c.area).fill('45');
    await dialog.getByLabel(c.seats).fill('5');
    await dialog.getByLabel(c.rent).fill('70');
    await addPhoto(page, 'front.png', png('red'), c.photo(1));
    await expectAccessible(page, `new unit dialog (${run.language})`);
    await dialog.getByRole('button', { name: c.confirm }).click();
    await expect(dialog).toBeHidden({ timeout: 30_000 });
    const row = page.getByRole('row').filter({ hasText: run.code });
    await expect(row).toBeVisible({ timeout: 30_000 });
    await expectLoaded(row, 1);

    // Edit: a dearer rent and a second photo.
    await row.getByRole('button', { name: c.edit }).click();
    await expect(dialog.getByLabel(c.code)).toHaveValue(run.code);
    await dialog.getByLabel(c.rent).fill('72');
    await addPhoto(page, 'inside.png', png('blue'), c.photo(2));
    await dialog.getByRole('button', { name: c.confirm }).click();
    await expect(dialog).toBeHidden({ timeout: 30_000 });
    await expectLoaded(row, 2);
    await expect(row).toContainText(c.rentShown);
    await expectAccessible(page, `space desk with units (${run.language})`);

    // The company, on a phone, sees the free unit with both photos.
    const phone = await (await browser.newContext({ viewport: PHONE })).newPage();
    await signIn(phone, 'startup@hangzhou.demo');
    await phone.goto('/hubs/hangzhou/spaces');
    await chooseLanguage(phone, run.language);
    await expect(phone.getByRole('heading', { name: c.page })).toBeVisible();
    const showAll = phone.getByRole('button', { name: c.showAll });
    const free = phone.getByTestId('free-unit').filter({ hasText: run.code });
    await expect(showAll.or(free)).toBeVisible({ timeout: 30_000 });
    if (await showAll.isVisible()) await showAll.click();
    await expect(free).toContainText(c.rentShown);
    await expectLoaded(free, 2);
    await expect(free.getByRole('img', { name: c.photo(2) })).toBeVisible();
    await expectFitsPhone(phone);
    await expectAccessible(phone, `company's space page with photos (${run.language})`);
    await keepScreenshot(phone, `space-units-company-${run.language === 'English' ? 'en' : 'zh'}`);
  });
}

import { expect, test } from '@playwright/test';
import { expectFitsPhone, PHONE } from './phone.js';

// The public way in: a signed-out visitor learns what a hub is and reaches its programs.
for (const [locale, copy] of [
  ['en-US', { hub: 'Hangzhou', what: 'A hub is one city on Dragon Gate', see: 'See the programs' }],
  ['zh-CN', { hub: '杭州', what: '“枢纽”就是龙门平台上的一座城市', see: '查看项目' }],
] as const) {
  test(`a signed-out visitor goes from the landing page to a hub's programs (${locale}, phone)`, async ({ browser }) => {
    const page = await (await browser.newContext({ locale, viewport: PHONE })).newPage();
    await page.goto('/');
    await expect(page.getByText(copy.what)).toBeVisible();
    await expect(page.getByRole('main')).not.toContainText('Asia/Shanghai');
    await expectFitsPhone(page);
    await page
      .getByRole('region', { name: copy.hub })
      .or(page.locator(`[aria-label="${copy.hub}"]`))
      .first()
      .getByRole('button', { name: copy.see })
      .click();
    await expect(page).toHaveURL(/\/hubs\/hangzhou\/programs$/);
    // The hub's pages open in the language stored for the visitor, else the hub's own (zh-CN here).
    await expect(page.getByRole('heading', { name: /^(Programs|扶持项目|项目)$/ }).first()).toBeVisible();
    await expectFitsPhone(page);
  });
}

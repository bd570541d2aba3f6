import { expect, test, type Page } from '@playwright/test';
import { chooseLanguage, signIn } from './demo-session.js';
import { expectFitsPhone, PHONE } from './phone.js';

/**
 * The bar's controls (brand, hub name, bell, account, menu) each keep their own place: no
 * two overlap and none is squeezed to nothing. Nothing wider than the phone is not enough:
 * the bar once drew the bell and the language switch over the hub's name and folded the
 * menu's overflow to zero height, which left a phone with no way to another page.
 */
async function expectBarControlsApart(page: Page) {
  const clashes = await page.getByRole('banner').evaluate((banner) => {
    const parts = [...banner.querySelectorAll('a, button, .ant-typography')]
      .filter((el) => !el.parentElement?.closest('a, button'))
      .map((el) => ({ name: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30), rect: el.getBoundingClientRect() }))
      .filter(({ rect }) => rect.width > 0 || rect.height > 0);
    const out: string[] = [];
    for (const { name, rect } of parts) if (rect.width < 16 || rect.height < 16) out.push(`${name} is ${Math.round(rect.width)}x${Math.round(rect.height)}`);
    for (let i = 0; i < parts.length; i++)
      for (let j = i + 1; j < parts.length; j++) {
        const [a, b] = [parts[i]!.rect, parts[j]!.rect];
        const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        if (overlap > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1) out.push(`${parts[i]!.name} overlaps ${parts[j]!.name}`);
      }
    return out;
  });
  expect(clashes, 'controls of the bar on a 390 px phone').toEqual([]);
}

for (const who of ['startup@hangzhou.demo', 'graduate@hangzhou.demo']) {
  test(`on a phone, ${who} reaches every page of their menu, from a bar whose controls stay apart`, async ({ page }) => {
    await page.setViewportSize(PHONE);
    await signIn(page, who);
    await page.goto('/hubs/hangzhou/programs');
    await chooseLanguage(page, '中文');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectBarControlsApart(page);
    const menu = page.getByRole('banner').getByRole('button', { name: '菜单' });
    await menu.click();
    const items = page.getByRole('dialog', { name: '菜单' }).getByRole('menuitem');
    const names = await items.allInnerTexts();
    expect(names.length).toBeGreaterThanOrEqual(3);
    for (const name of names) {
      if (!(await page.getByRole('dialog', { name: '菜单' }).isVisible())) await menu.click();
      await page.getByRole('dialog', { name: '菜单' }).getByRole('menuitem', { name, exact: true }).click();
      // The page chosen opens and the drawer closes behind it.
      await expect(page.getByRole('dialog', { name: '菜单' })).toBeHidden();
      await expect(page).toHaveURL(/\/hubs\/hangzhou\/[a-z-]+$/);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectBarControlsApart(page);
      await expectFitsPhone(page);
    }
  });
}

import { expect, type Locator, type Page } from '@playwright/test';

/** The demo accounts' shared password (seed/demo-accounts.json). */
export const DEMO_PASSWORD = 'dragongate-demo-2026';

/**
 * Where sign-in lands: a person of one hub (staff there, or their company is there) in that
 * hub's organisations; others (a graduate with no company, several hubs) on the hub picker.
 */
export const LANDED = /\/(hubs\/[^/]+\/organizations)?$/;

/** Signs a demo account in through the form (in whichever language the page was left) and waits until it lands (its hub, or the hub picker). */
export async function signIn(page: Page, email: string) {
  await page.goto('/sign-in');
  const main = page.getByRole('main');
  await main.getByLabel(/^(Email|邮箱)$/).fill(email);
  await main.getByLabel(/^(Password|密码)$/).fill(DEMO_PASSWORD);
  await main.getByRole('button', { name: /^(Sign in|登 ?录)$/ }).click();
  await expect(page).toHaveURL(LANDED);
}

/** The menu button a phone's bar shows in place of the navigation and the language switch. */
const phoneMenu = (page: Page) => page.getByRole('banner').getByRole('button', { name: /^(Menu|菜单)$/ });

/**
 * Opens the phone's menu drawer and does `act` in it, again if a navigation closed the
 * drawer first (a page that redirects, /hubs/x to its programs, closes a drawer opened on it).
 */
async function inPhoneMenu(page: Page, act: (drawer: Locator) => Promise<void>) {
  const drawer = page.getByRole('dialog', { name: /^(Menu|菜单)$/ });
  await expect(async () => {
    if (!(await drawer.isVisible())) await phoneMenu(page).click({ timeout: 2_000 });
    await act(drawer);
  }).toPass({ timeout: 15_000 });
}

/** Picks the page's language in the bar, or on a phone in the menu's drawer (closed again after). */
export async function chooseLanguage(page: Page, label: '中文' | 'English') {
  const inBar = page.getByRole('banner').getByText(label, { exact: true });
  await expect(inBar.or(phoneMenu(page))).toBeVisible();
  if (await phoneMenu(page).isVisible()) {
    const drawer = page.getByRole('dialog', { name: /^(Menu|菜单)$/ });
    await inPhoneMenu(page, (menu) => menu.getByText(label, { exact: true }).click({ timeout: 2_000 }));
    await drawer.getByRole('button', { name: /^(Close|关闭)$/ }).click();
    await expect(drawer).toBeHidden();
    return;
  }
  await inBar.click();
}

/** Clicks a hub menu item, opening the phone's menu, the Ecosystem menu or the overflow (…) first when it sits there. */
export async function openMenu(page: Page, name: string) {
  if (await phoneMenu(page).isVisible()) {
    await inPhoneMenu(page, (menu) => menu.getByRole('menuitem', { name, exact: true }).click({ timeout: 2_000 }));
    return;
  }
  const banner = page.getByRole('banner');
  const item = page.getByRole('menuitem', { name, exact: true });
  for (const opener of [banner.getByRole('menuitem', { name: /^(Ecosystem|生态)$/ }), banner.locator('.ant-menu-overflow-item-rest')]) {
    if (await item.isVisible()) break;
    if (await opener.isVisible()) await opener.hover();
    await item.waitFor({ state: 'visible', timeout: 2_000 }).catch(() => {});
  }
  await item.click();
}

import { execFileSync } from 'node:child_process';
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { Locale } from '../contracts/error-messages.js';
import { enUS } from '../web/src/i18n/en-US.js';
import { zhCN } from '../web/src/i18n/zh-CN.js';

/** The app's own words in each language, so one journey runs in both. */
export const WORDS = { 'zh-CN': zhCN, 'en-US': enUS } as const;
export const LANGUAGES = ['zh-CN', 'en-US'] as const;

/** How long a person waits for a page's first paint on a shared, loaded machine (the page's code loads on demand). */
export const PAGE_LOAD = 60_000;

/** A password the rules accept, for accounts a spec creates. */
export const PASSWORD = 'lakeside-lanterns-2026';

/** A name no earlier run used (the server may be reused between local runs). */
export const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Runs the server's CLI beside the e2e server (the same data folder; it joins its database). */
export function dragongate(...args: string[]): string {
  const port = Number(process.env.E2E_PORT ?? 3100);
  return execFileSync('node', ['bin/dragongate.mjs', ...args], {
    env: { ...process.env, DRAGONGATE_HOME: `.dragongate/e2e-${port}`, DRAGONGATE_JOBS: 'off' },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

/** A button's name as antd shows it: a two-character Chinese label gets a space inside ("登 录"); an icon may lead ("plus Invite staff"). */
export const buttonName = (label: string) => new RegExp(`(?:^|\\s)${[...label].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s?')}$`);

/** A fresh browser (no cookies) whose person reads the app in `lang`. */
export async function personIn(browser: Browser, lang: Locale, options: { phone?: boolean } = {}): Promise<Page> {
  const baseURL = test.info().project.use.baseURL;
  const context = await browser.newContext({ baseURL, locale: lang, ...(options.phone && { viewport: { width: 390, height: 844 } }) });
  await context.addInitScript((l) => window.localStorage.setItem('dragongate.locale', l), lang);
  return context.newPage();
}

/** Where sign-in lands without a `next`: a person of one hub in that hub, others on the hub picker. */
export const LANDED = /\/(hubs\/[^/]+\/organizations)?$/;

/** Signs in through the form; `next` is where the app should land. */
export async function signInAs(page: Page, lang: Locale, email: string, password = PASSWORD, next?: string) {
  const t = WORDS[lang];
  await page.goto(next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in');
  const main = page.getByRole('main');
  await main.getByLabel(t.auth.email).fill(email);
  await main.getByLabel(t.auth.password, { exact: true }).fill(password);
  await main.getByRole('button', { name: buttonName(t.auth.signIn) }).click();
  if (!next) await expect(page).toHaveURL(LANDED, { timeout: PAGE_LOAD });
}

/** The hub menu's links to sections (overflowed ones count; the ecosystem submenu is not opened). */
export async function menuSections(page: Page, hub: string): Promise<string[]> {
  const banner = page.getByRole('banner');
  // The person waits through "Loading…" until the hub's menu shows (the page's code and the capabilities).
  await expect(banner.locator(`a[href="/hubs/${hub}/programs"]`).first()).toBeAttached({ timeout: PAGE_LOAD });
  const hrefs = await banner.locator(`a[href^="/hubs/${hub}/"]`).evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return [...new Set(hrefs.map((h) => h.split('/')[3]!))].sort();
}

import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * axe-core (WCAG 2.1 A and AA) on the page as it is now: no serious or critical violation.
 * Call it on every page a spec opens, once the page has its content.
 */
export async function expectAccessible(page: Page, label = page.url()) {
  await settleMotion(page);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const blocking = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.nodes
          .slice(0, 4)
          .map((node) => node.target.join(' '))
          .join(' | ')}`,
    );
  expect(blocking, `axe on ${label}`).toEqual([]);
}

/**
 * antd fades messages, modals and drawers in and out (rc-motion adds `*-appear`, `*-enter`,
 * `*-leave` classes for the animation's length). axe reading a half-faded toast measures it
 * as low contrast, so wait, up to a few seconds, for every animation to finish; what stays
 * on the page is still checked.
 */
async function settleMotion(page: Page) {
  await page
    .waitForFunction(() => document.querySelectorAll('[class*="-appear"],[class*="-enter"],[class*="-leave"]').length === 0, undefined, { timeout: 5_000 })
    .catch(() => undefined);
}

/** What antd says when its locale is left in English; none of it may show on a Chinese page. */
const ANTD_ENGLISH = [
  /\bNo data\b/,
  /\/ page\b/,
  /\bGo to\b/,
  /\bSelect date\b/,
  /\bStart date\b/,
  /\bEnd date\b/,
  /\bSelect time\b/,
  /\bToday\b/,
  /\bSu\s*Mo\s*Tu\b/,
  /\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/,
];

/** One language per page: no antd English text, placeholder or label on a zh-CN page. */
export async function expectNoAntdEnglish(page: Page, label = page.url()) {
  const texts = await page.evaluate(() => {
    const parts = [document.body.innerText];
    for (const element of document.querySelectorAll('[placeholder],[aria-label],[title]')) {
      for (const name of ['placeholder', 'aria-label', 'title']) parts.push(element.getAttribute(name) ?? '');
    }
    return parts.join('\n');
  });
  const found = ANTD_ENGLISH.filter((pattern) => pattern.test(texts)).map(String);
  expect(found, `antd English on ${label}`).toEqual([]);
}

/** Exactly one h1 on the page. */
export async function expectOneH1(page: Page, label = page.url()) {
  await expect(page.locator('h1'), `one h1 on ${label}`).toHaveCount(1);
}

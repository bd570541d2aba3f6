import { expect, type Page } from '@playwright/test';

/** A 390×844 phone (iPhone 12-15 in CSS pixels). */
export const PHONE = { width: 390, height: 844 };

/**
 * Asserts nothing on the page is wider than the viewport: the page does not scroll
 * sideways and no visible element reaches past its right edge (elements inside a box
 * that scrolls by itself, such as a table's scroller, count only as wide as that box).
 */
export async function expectFitsPhone(page: Page) {
  const offenders = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width + 1) out.push(`page scrolls to ${document.documentElement.scrollWidth}px`);
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const style = getComputedStyle(p);
        if (/(auto|scroll|hidden|clip)/.test(style.overflowX) && p.getBoundingClientRect().right <= width + 1) return true;
      }
      return false;
    };
    for (const el of document.body.querySelectorAll('*')) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none' || style.position === 'fixed') continue;
      if (rect.right > width + 1 || rect.left < -1) {
        if (clipped(el)) continue;
        const name = `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).slice(0, 2).join('.') : ''}`;
        out.push(`${name} [${Math.round(rect.left)}..${Math.round(rect.right)}] ${(el.textContent ?? '').trim().slice(0, 40)}`);
      }
    }
    return out.slice(0, 10);
  });
  expect(offenders, 'elements wider than a 390 px phone').toEqual([]);
}

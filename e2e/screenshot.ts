import { test, type Page } from '@playwright/test';

/**
 * A whole-page picture of what a spec has just checked, for a person to look at: kept in the
 * test's own output folder (test-results/, which Playwright empties at the start of each run),
 * so runs side by side never write the same file.
 */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

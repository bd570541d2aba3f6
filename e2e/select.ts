import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Chooses `text` in an antd select (`field` is its combobox) and waits until the select shows
 * it. A loaded machine can drop a click while the list opens or its options are still
 * loading, so the choice is made again until it shows; only the open list's options count
 * (closed lists stay in the page, hidden).
 */
export async function chooseOption(page: Page, field: Locator, text: string | RegExp) {
  const select = field.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  await expect(async () => {
    // Not again once it shows: a second click would take it out of a multiple choice.
    if ((await select.filter({ hasText: text }).count()) === 0) {
      await field.click();
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text }).first().click({ timeout: 5_000 });
    }
    await expect(select).toContainText(text, { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
}

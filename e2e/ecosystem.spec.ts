import { expect, test, type Page } from '@playwright/test';
import { openMenu } from './demo-session.js';

const PASSWORD = 'dragongate-demo-2026';

async function chooseLanguage(page: Page, label: '中文' | 'English') {
  await page.getByRole('banner').getByText(label, { exact: true }).click();
}

test('an officer sees the talent pipeline and an organisation graph, in both languages', async ({ page }) => {
  await page.goto('/sign-in');
  const main = page.getByRole('main');
  await main.getByLabel('Email').fill('officer@hangzhou.demo');
  await main.getByLabel('Password').fill(PASSWORD);
  await main.getByRole('button', { name: 'Sign in' }).click();
  // A person of one hub lands in it.
  await expect(page).toHaveURL(/\/hubs\/hangzhou\/organizations$/);

  // The talent pipeline from the hub menu.
  await page.goto('/hubs/hangzhou/organizations');
  await chooseLanguage(page, 'English');
  await openMenu(page, 'Talent pipeline');
  await expect(page.getByRole('heading', { name: 'Talent pipeline' })).toBeVisible();
  // The demo seed's sourced relations: Zhejiang University alumni founded DeepSeek, Deep
  // Robotics and ManyCore (seed/relations.json says which source names which founder).
  const zju = page.getByRole('row').filter({ hasText: /^Zhejiang University/ });
  await expect(zju.getByText('founded 3 of the 6 dragons')).toBeVisible();
  await chooseLanguage(page, '中文');
  await expect(
    page
      .getByRole('row')
      .filter({ hasText: /^浙江大学/ })
      .getByText('创办了 6 条小龙中的 3 条'),
  ).toBeVisible();
  await chooseLanguage(page, 'English');

  // Expanding the row lists what alumni founded; DeepSeek is one of them.
  await zju.getByRole('button', { name: /expand/i }).click();
  await page.getByRole('list', { name: 'Organisations founded by alumni' }).getByRole('link', { name: 'DeepSeek' }).click();

  // DeepSeek's graph, with the same ties as a list for screen readers.
  await expect(page.getByRole('heading', { name: 'DeepSeek' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Graph of the ties between people and organisations' })).toBeVisible();
  const ties = page.getByRole('region', { name: 'Ties as a list' });
  await expect(ties.getByText('Founded', { exact: true })).toBeVisible();
  await expect(ties.getByRole('listitem').first()).toBeVisible();
});

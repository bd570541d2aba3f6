import { expect, test } from '@playwright/test';
import { chooseLanguage, openMenu, signIn } from './demo-session.js';
import { keepScreenshot } from './screenshot.js';

test('a hub admin makes an API token, sees it once, a script uses it, the admin revokes it', async ({ page, playwright }) => {
  await signIn(page, 'admin@hangzhou.demo');
  await page.goto('/hubs/hangzhou/organizations');
  await chooseLanguage(page, 'English');
  await openMenu(page, 'API tokens');
  await expect(page.getByRole('heading', { name: 'API tokens' })).toBeVisible();

  const name = `Usage reports ${Date.now()}`;
  await page.getByRole('button', { name: 'New token' }).click();
  const form = page.getByRole('dialog');
  await form.getByLabel('Name').fill(name);
  await form.getByRole('checkbox', { name: 'Finance officer' }).check();
  await form.getByRole('button', { name: 'Make token' }).click();

  const shown = page.getByRole('dialog').filter({ hasText: 'Token made' });
  await expect(shown).toContainText('shown only this once');
  const secret = (await shown.getByTestId('new-token-secret').innerText()).trim();
  expect(secret).toMatch(/^dgt_[A-Za-z0-9_-]{86}$/);
  await keepScreenshot(page, 'api-tokens-made-en');
  await shown.getByRole('button', { name: 'I have saved it' }).click();

  // The list shows the token by its last characters, never the secret.
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText(secret.slice(-6));
  await expect(row).toContainText('Active');
  await expect(page.locator('body')).not.toContainText(secret);

  // A script: no cookie, no Origin, just the token.
  const script = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL! });
  const people = () => script.get('/api/hubs/hangzhou/people', { headers: { authorization: `Bearer ${secret}` } });
  expect((await people()).status()).toBe(200);
  expect((await script.get('/api/hubs/shenzhen/people', { headers: { authorization: `Bearer ${secret}` } })).status()).toBe(404);

  await row.getByRole('button', { name: 'Revoke' }).click();
  await page.getByRole('button', { name: 'Revoke' }).last().click();
  await expect(row).toContainText('Revoked');
  expect((await people()).status()).toBe(401);

  await chooseLanguage(page, '中文');
  await expect(page.getByRole('heading', { name: 'API 令牌' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: name })).toContainText('已吊销');
  await script.dispose();
});

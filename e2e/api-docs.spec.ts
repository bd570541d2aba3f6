import { expect, test } from '@playwright/test';

// The API reference (Scalar at /api/docs) as an engineer opens it: the operations render
// under the app's CSP (scripts only from our origin or with the response's nonce), and the
// page asks nothing of any other host (no CDN, web fonts, telemetry or agent).
test('the API reference renders its operations from our own host, with no CSP violation', async ({ page, baseURL }) => {
  // Scalar's bundle is 3.5 MB of script to parse: room for it on a loaded machine.
  test.setTimeout(120_000);
  const own = new URL(baseURL!).host;
  const elsewhere: string[] = [];
  const violations: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol) && url.host !== own) elsewhere.push(request.url());
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  page.on('pageerror', (error) => {
    if (/Content Security Policy/i.test(error.message)) violations.push(error.message);
  });
  // A violation the console might not name (e.g. a blocked style or worker) still fires this event.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });

  const response = await page.goto('/api/docs');
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-/);
  expect(response?.headers()['content-security-policy']).not.toMatch(/script-src[^;]*'unsafe-inline'/);

  // Operations rendered from the served document: a public one and a private one, by their summaries.
  await expect(page.getByRole('heading', { name: 'Dragon Gate API' }).first()).toBeVisible({ timeout: 30_000 });
  const sidebar = page.getByRole('navigation').first();
  await expect(sidebar.getByText('Is the server and its database up')).toBeVisible();
  await sidebar.getByText('hubs', { exact: true }).click();
  await sidebar.getByText('List the hubs of this deployment').click();
  await expect(page.getByRole('main').getByRole('heading', { name: 'List the hubs of this deployment' })).toBeVisible();
  await expect(page.getByRole('main').getByText('/api/hubs').first()).toBeVisible();
  // Nothing on the page sends the document to Scalar's hosted services.
  await expect(page.locator('a[href*="client.scalar.com"]')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Share', exact: true })).toHaveCount(0);

  await page.waitForLoadState('networkidle');
  expect(elsewhere).toEqual([]);
  expect(violations).toEqual([]);
});

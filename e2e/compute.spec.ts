import { expect, test } from '@playwright/test';
import { chooseLanguage, openMenu, signIn } from './demo-session.js';

// The compute operator's desk on the demo hub, once per language: every startup's
// fair-share standing in a chart, the requests, and a month of metered usage with what
// the demo compute voucher paid (30% of the Ascend usage of the demo startup).

const runs = [
  {
    language: 'English' as const,
    menu: 'Compute desk',
    fairShare: /Fair share/,
    usage: 'Metered usage and voucher payments',
    company: 'Qiantang Embodied AI (demo)',
    paid: /CNY/,
  },
  { language: '中文' as const, menu: '算力调度', fairShare: /公平份额/, usage: '计量用量与算力券支付', company: '钱塘具身智能（演示）', paid: /元/ },
];

for (const run of runs) {
  test(`the compute desk shows fair share, requests and voucher payments (${run.language})`, async ({ page }) => {
    await signIn(page, 'compute@hangzhou.demo');
    await page.goto('/hubs/hangzhou');
    await chooseLanguage(page, run.language);
    await openMenu(page, run.menu);
    await expect(page.getByText(run.fairShare)).toBeVisible();
    await expect(page.getByRole('img', { name: run.fairShare })).toBeVisible();
    const usage = page.locator('.ant-card').filter({ hasText: run.usage });
    await expect(usage.getByRole('row').nth(1)).toBeVisible();
    await expect(usage.getByRole('row').filter({ hasText: run.company }).first()).toContainText(run.paid);
  });
}

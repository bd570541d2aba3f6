import { expect as baseExpect, test, type Page } from '@playwright/test';
import { expectAccessible } from './accessibility.js';
import { chooseLanguage, openMenu, signIn } from './demo-session.js';
import { chooseOption } from './select.js';
import { expectFitsPhone, PHONE } from './phone.js';

// The whole compute journey, once per language: the operator adds a pool and gives the demo
// startup a quota of its new flavor, funded by the startup's compute voucher; the startup
// (on a phone) asks for GPU time and is admitted at once; the provider's usage file (the
// job's first minute, once it is over: usage is metered after it happens) is uploaded at
// the desk; the voucher pays its share (20% on a non-domestic flavor) and the startup sees
// what it paid and its burn-down. Each run adds its own pool and flavor.

const runs = [
  {
    language: 'English' as const,
    model: `E2E-EN-${Date.now() % 100_000}`,
    copy: {
      desk: 'Compute desk',
      addPool: 'Add a pool',
      provider: 'Compute provider',
      providerName: 'Hangzhou City Compute Centre (demo)',
      nameZh: 'Name in Chinese',
      nameEn: 'Name in English',
      region: 'Region',
      model: 'Accelerator model',
      code: 'GPU type code',
      price: 'Price per GPU-hour',
      save: 'Save',
      poolAdded: /Pool added/,
      setQuota: 'Set a quota',
      company: 'Company',
      companyName: 'Qiantang Embodied AI (demo)',
      flavor: 'GPU type',
      voucher: 'Paid by a compute voucher',
      voucherOption: /Compute voucher/,
      quotaSet: 'Quota set.',
      page: 'GPU time',
      gpus: 'GPUs',
      hours: 'Hours',
      ask: 'Ask',
      admitted: /is scheduled; it starts/,
      upload: 'Choose a file',
      applied: /1 records applied/,
      paid: /CNY 0\.24\b/,
      burnDown: 'Voucher burn-down',
    },
  },
  {
    language: '中文' as const,
    model: `E2E-ZH-${Date.now() % 100_000}`,
    copy: {
      desk: '算力调度',
      addPool: '添加算力池',
      provider: '算力服务商',
      providerName: '杭州城市算力中心（演示）',
      nameZh: '中文名称',
      nameEn: '英文名称',
      region: '地域',
      model: '加速卡型号',
      code: '规格代码',
      price: '每 GPU 小时价格',
      save: '保 存',
      poolAdded: /已添加算力池/,
      setQuota: '设置配额',
      company: '企业',
      companyName: '钱塘具身智能（演示）',
      flavor: '规格',
      voucher: '由算力券支付',
      voucherOption: /算力券/,
      quotaSet: '配额已设置。',
      page: '算力',
      gpus: 'GPU 数量',
      hours: '时长（小时）',
      ask: '提交申请',
      admitted: /已排入计划/,
      upload: '选择文件',
      applied: /已计入 1 条/,
      paid: /\b0\.24元/,
      burnDown: '算力券余额消耗',
    },
  },
];

async function pick(page: Page, scope: ReturnType<Page['getByRole']> | Page, label: string, text: string | RegExp) {
  await chooseOption(page, scope.getByLabel(label, { exact: true }), text);
}

test.describe.configure({ timeout: 300_000 }); // a long journey on a shared machine: two people, two pages, a file

// Two people on two pages of a shared machine: allow each step the time a loaded server takes.
const expect = baseExpect.configure({ timeout: 30_000 });

for (const run of runs) {
  test(`operator sets up a pool and quota, the startup asks, usage is metered, the voucher pays (${run.language})`, async ({ page: desk, browser }) => {
    const c = run.copy;
    const code = run.model.toLowerCase();
    // The operator: a pool with one flavor, then a quota of it for the demo startup, on its voucher.
    await signIn(desk, 'compute@hangzhou.demo');
    await desk.goto('/hubs/hangzhou');
    await chooseLanguage(desk, run.language);
    await openMenu(desk, c.desk);
    await desk.getByRole('button', { name: c.addPool }).click();
    const poolDialog = desk.getByRole('dialog');
    await pick(desk, poolDialog, c.provider, c.providerName);
    await poolDialog.getByLabel(c.nameZh).fill(`端到端 ${run.model}`);
    await poolDialog.getByLabel(c.nameEn).fill(`E2E ${run.model}`);
    await poolDialog.getByLabel(c.region).fill('Hangzhou');
    await poolDialog.getByLabel(c.model).fill(run.model);
    await poolDialog.getByLabel(c.code).fill(code);
    await poolDialog.getByLabel(c.price).fill('40');
    await poolDialog.getByRole('button', { name: c.save }).click();
    await expect(desk.getByText(c.poolAdded)).toBeVisible();
    await expect(poolDialog).toBeHidden();

    await desk.getByRole('button', { name: c.setQuota }).click();
    const quotaDialog = desk.getByRole('dialog');
    await quotaDialog.getByLabel(c.company, { exact: true }).click();
    await desk.keyboard.type(c.companyName.slice(0, 4));
    await desk.locator('.ant-select-item-option', { hasText: c.companyName }).first().click();
    await pick(desk, quotaDialog, c.flavor, run.model);
    await pick(desk, quotaDialog, c.voucher, c.voucherOption);
    await quotaDialog.getByRole('button', { name: c.save }).click();
    await expect(desk.getByText(c.quotaSet)).toBeVisible();
    await expectAccessible(desk, `compute desk (${run.language})`);

    // The startup, on a phone: its new quota, then a request admitted at once.
    const phone = await browser.newContext({ viewport: PHONE });
    const startup = await phone.newPage();
    await signIn(startup, 'startup@hangzhou.demo');
    await startup.goto('/hubs/hangzhou');
    await chooseLanguage(startup, run.language);
    await startup.goto('/hubs/hangzhou/compute');
    await expect(startup.getByRole('heading', { name: c.page, level: 1 })).toBeVisible({ timeout: 30_000 });
    await expect(startup.getByTestId('compute-quota').filter({ hasText: run.model })).toBeVisible();
    await expectAccessible(startup, `compute page (${run.language})`);
    await pick(startup, startup, c.flavor, run.model);
    await startup.getByLabel(c.gpus, { exact: true }).fill('2');
    await startup.getByLabel(c.hours, { exact: true }).fill('3');
    await startup.getByRole('button', { name: c.ask, exact: true }).click();
    await expect(startup.getByText(c.admitted)).toBeVisible();
    const item = startup.getByTestId('compute-request').filter({ hasText: run.model }).first();
    await expect(item).toBeVisible();
    const reference = /CR-[A-Z0-9]+/.exec((await item.textContent()) ?? '')![0];
    await expectFitsPhone(startup);

    // The provider's usage of that request's first minute once it is over (2 GPUs x 1 minute: 0.033 GPU-hours, billed CNY 1.20,
    // below the list price of CNY 40; usage that has not happened yet is refused), uploaded at the desk.
    const queue = await desk.request.get('/api/hubs/hangzhou/compute/queue?limit=100');
    const request = ((await queue.json()) as { items: { id: string; reference: string; flavor: { id: string }; start: string; end: string }[] }).items.find(
      (r) => r.reference === reference,
    )!;
    const firstMinuteEnds = Date.parse(request.start) + 60_000;
    if (Date.now() < firstMinuteEnds) await desk.waitForTimeout(firstMinuteEnds - Date.now() + 1_000);
    const csv =
      'recordId,requestId,flavorId,gpuHours,startedAt,endedAt,cost,corrects\r\n' +
      `e2e-${request.id},${request.id},${request.flavor.id},0.033,${request.start},${new Date(firstMinuteEnds).toISOString()},120,\r\n`;
    const uploadCard = desk.locator('.ant-card').filter({ has: desk.getByRole('button', { name: c.upload }) });
    await pick(desk, uploadCard, c.provider, c.providerName);
    await uploadCard.locator('input[type=file]').setInputFiles({ name: 'usage.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect(desk.getByText(c.applied)).toBeVisible();

    // The startup sees what its voucher paid (20% of CNY 1.20) and its burn-down.
    await startup.reload();
    await expect(startup.getByText(reference).filter({ hasText: run.model }).last()).toBeVisible();
    await expect(startup.getByText(c.paid).first()).toBeVisible();
    await expect(startup.getByRole('img', { name: c.burnDown })).toBeVisible();
    await expectFitsPhone(startup);
    await expectAccessible(startup, `compute page after usage (${run.language})`);
    await phone.close();
  });
}

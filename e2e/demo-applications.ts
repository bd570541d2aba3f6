import { expect, type Page } from '@playwright/test';

/**
 * The demo startup claims a compute voucher through the API, as itself (the page must be
 * signed in as startup@hangzhou.demo): the contract scan uploaded, then the application.
 */
export async function startupClaimsVoucher(page: Page): Promise<{ programId: string; application: { id: string; number: string } }> {
  // Cookie-authenticated writes must come from our own origin (server/platform/http/csrf.ts).
  const origin = new URL(page.url()).origin;
  const me = await (await page.request.get('/api/me')).json();
  const org = me.organizations.find((o: { name: { en: string } }) => o.name.en === 'Qiantang Embodied AI (demo)');
  const programs = (await (await page.request.get('/api/hubs/hangzhou/programs')).json()).items as { id: string; name: { en: string } }[];
  const voucher = programs.find((p) => p.name.en === 'Hangzhou compute vouchers')!;
  const scan = await page.request.post('/api/hubs/hangzhou/files?name=contract.pdf', {
    headers: { 'content-type': 'application/pdf', origin },
    data: Buffer.from('%PDF-1.7\n%%EOF\n'),
  });
  expect(scan.status(), await scan.text()).toBe(201);
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const applied = await page.request.post(`/api/hubs/hangzhou/programs/${voucher.id}/applications`, {
    headers: { 'idempotency-key': `e2e-${stamp}`, origin },
    data: {
      organizationId: org.id,
      answers: {
        contract_number: `E2E-${stamp}`,
        contract_amount: '100000000',
        chips: 'other',
        signed_on: '2026-01-05',
        contract_scan: (await scan.json()).id,
      },
    },
  });
  expect(applied.status(), await applied.text()).toBe(201);
  return { programId: voucher.id, application: await applied.json() };
}

import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { fieldErrorMessages } from '../../../contracts/error-messages.js';
import { fundedYear } from '../../test/budget-factories.js';
import { organizationInput } from '../../test/factories.js';
import { PDF, PNG, uploadAs } from '../../test/file-factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext } from '../../test/harness.js';
import { contractAnswers, voucherWithScanDraft } from '../../test/program-factories.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

/** The compute voucher with a required scan of the contract: PDF only, at most 1 KB. */
async function voucherWithScan() {
  const hub = await createTestHub(ctx);
  await fundedYear(ctx.database.db, hub, { 'compute-vouchers': 10_000_000_000n }, 1_000_000_000_000n);
  const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
  const draft = voucherWithScanDraft();
  const program = (await ctx.app.inject(as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/programs`, payload: draft }))).json();
  await ctx.app.inject(as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/programs/${program.id}/publish` }));
  const founder = await createTestUser(ctx);
  const org = (
    await ctx.app.inject(
      as(founder, { method: 'POST', url: `/api/hubs/${hub.slug}/organizations`, payload: organizationInput({ kind: 'startup', sectors: ['ai'] }) }),
    )
  ).json();
  const apply = (scan: unknown, lang = 'en-US') =>
    ctx.app.inject(
      as(founder, {
        method: 'POST',
        url: `/api/hubs/${hub.slug}/programs/${program.id}/applications`,
        payload: { organizationId: org.id, answers: { ...contractAnswers('1000'), contract_scan: scan } },
        headers: { 'accept-language': lang },
      }),
    );
  return { hub, founder, apply };
}

describe('file answers', () => {
  it('an uploaded PDF answers the field; the application keeps its id', async () => {
    const { hub, founder, apply } = await voucherWithScan();
    const file = (await uploadAs(ctx, hub, founder, PDF)).json();
    const res = await apply(file.id);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'approved', answers: { contract_scan: file.id } });
  });

  it('a file of the wrong type (by content), too big, unknown or someone else’s is a 400 on the field; nothing written', async () => {
    const { hub, founder, apply } = await voucherWithScan();
    const png = (await uploadAs(ctx, hub, founder, PNG, 'scan.pdf', 'application/pdf')).json();
    const wrongType = await apply(png.id, 'zh-CN');
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.fields).toEqual([
      { path: 'answers.contract_scan', code: 'WRONG_FILE_TYPE', message: fieldErrorMessages.WRONG_FILE_TYPE['zh-CN'] },
    ]);

    const big = (await uploadAs(ctx, hub, founder, Buffer.concat([PDF, Buffer.alloc(2048, 0x20)]))).json();
    expect((await apply(big.id)).json().error.fields).toEqual([
      expect.objectContaining({ path: 'answers.contract_scan', code: 'FILE_TOO_BIG', message: fieldErrorMessages.FILE_TOO_BIG['en-US'] }),
    ]);

    const stranger = await createTestUser(ctx);
    const theirs = (await uploadAs(ctx, hub, stranger, PDF)).json();
    expect((await apply(theirs.id)).json().error.fields).toEqual([expect.objectContaining({ path: 'answers.contract_scan', code: 'FILE_NOT_FOUND' })]);
    expect((await apply('not-an-id')).json().error.fields).toEqual([expect.objectContaining({ path: 'answers.contract_scan', code: 'FILE_NOT_FOUND' })]);
    expect((await apply(42)).json().error.fields).toEqual([expect.objectContaining({ path: 'answers.contract_scan', code: 'INVALID_TYPE' })]);

    const { rows } = await ctx.database.db.execute(
      sql`SELECT (SELECT count(*) FROM applications WHERE hub_id = ${hub.id})::int AS apps, (SELECT count(*) FROM commitments WHERE hub_id = ${hub.id})::int AS commitments`,
    );
    expect(rows[0]).toEqual({ apps: 0, commitments: 0 });
  });
});

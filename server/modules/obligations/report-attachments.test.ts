import { beforeAll, describe, expect, it } from 'vitest';
import type { ObligationInput } from '../../../contracts/obligations.js';
import { PDF, uploadAs } from '../../test/file-factories.js';
import { as, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { paidInFullAward } from '../../test/review-factories.js';
import { addMonths } from '../reviews/index.js';
import { localToday } from '../../platform/hub-time.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

const reports: ObligationInput = {
  key: 'reports',
  kind: 'report_outcomes',
  months: 12,
  recovery: { rule: 'share', shareBasisPoints: 2000 },
  appealDays: 15,
  repayDays: 30,
};

describe('files attached to an outcome report', () => {
  it('the awardee attaches their own files only; staff see them and download them', async () => {
    const w = await paidInFullAward(ctx, [reports]);
    await w.call(w.officer, 'POST', '/obligation-checks');
    const path = w.at(`/outcome-reports/reports/${addMonths(localToday(w.hub.timeZone), 12)}`);
    const upload = async (user: TestUser) => (await uploadAs(ctx, w.hub, user, PDF, 'audited-statement.pdf')).json().id as string;
    const own = await upload(w.founder);
    const stranger = await createTestUser(ctx, { hub: w.hub });
    const theirs = await upload(stranger);

    const refused = await w.call(w.founder, 'POST', path, { text: 'Revenue doubled', attachments: [theirs] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'attachments.0', code: 'FILE_NOT_FOUND' }] });
    expect((await w.call(w.founder, 'GET', w.at('/outcome-reports'))).json().items[0]).toMatchObject({ status: 'upcoming', attachments: [] });

    const sent = await w.call(w.founder, 'POST', path, { text: 'Revenue doubled', attachments: [own] });
    expect(sent.statusCode, sent.body).toBe(200);
    const attached = { id: own, name: 'audited-statement.pdf', mediaType: 'application/pdf', size: PDF.length };
    expect(sent.json().attachments).toEqual([attached]);
    expect((await w.call(w.officer, 'GET', w.at('/outcome-reports'))).json().items[0]).toMatchObject({ status: 'submitted', attachments: [attached] });
    const download = (user: TestUser) => ctx.app.inject(as(user, { method: 'GET', url: `/api/hubs/${w.hub.slug}/files/${own}` }));
    expect((await download(w.officer)).statusCode).toBe(200);
    expect((await download(stranger)).statusCode).toBe(404);
  });
});

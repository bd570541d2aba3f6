import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../db/transaction.js';
import { deliverOutboxJob } from '../../platform/jobs/definitions/deliver-outbox.job.js';
import { deliverOutbox, outboxCounts, smtpSender } from '../../platform/mail/index.js';
import { loadActor } from '../../platform/tenancy/tenancy.js';
import { fundedYear } from '../../test/budget-factories.js';
import { organizationInput } from '../../test/factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext } from '../../test/harness.js';
import { computeVoucherDraft } from '../../test/program-factories.js';
import { startSmtpSink } from '../../test/smtp-sink.js';
import { inviteMatched } from './matches.service.js';

let ctx: TestContext;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
  sink = await startSmtpSink();
  ctx = await startTestApp({ smtpUrl: sink.url, mailFrom: 'Dragon Gate <no-reply@gate.example>' });
});
afterAll(() => sink.close());

const send = () => {
  const sender = smtpSender(sink.url, ctx.config.mailFrom);
  return deliverOutbox(ctx.database.db, sender.send, { domain: 'gate.example' }).finally(sender.close);
};

/** A published voucher, one startup that qualifies (and one company that does not), matched. */
async function matchedVoucher() {
  const hub = await createTestHub(ctx);
  await fundedYear(ctx.database.db, hub, { 'compute-vouchers': 10_000_000_000n }, 1_000_000_000_000n);
  const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
  const program = (await ctx.app.inject(as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/programs`, payload: computeVoucherDraft() }))).json();
  await ctx.app.inject(as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/programs/${program.id}/publish` }));
  const founder = await createTestUser(ctx);
  await ctx.app.inject(
    as(founder, { method: 'POST', url: `/api/hubs/${hub.slug}/organizations`, payload: organizationInput({ kind: 'startup', sectors: ['ai'] }) }),
  );
  const other = await createTestUser(ctx);
  await ctx.app.inject(
    as(other, { method: 'POST', url: `/api/hubs/${hub.slug}/organizations`, payload: organizationInput({ kind: 'company', sectors: ['ai'] }) }),
  );
  expect((await ctx.app.inject(as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/matches/run`, payload: {} }))).statusCode).toBe(200);
  const invite = () => ctx.app.inject(as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/programs/${program.id}/invitations` }));
  return { hub, officer, program, founder, invite };
}

describe('invitation e-mail through the outbox', () => {
  it('queues one message per invited person with the invitation, and delivers it over SMTP exactly once', async () => {
    const { hub, program, founder, invite } = await matchedVoucher();
    expect((await invite()).json()).toEqual({ invited: 1, emailed: 1 });
    expect(await outboxCounts(ctx.database.db, hub.id)).toMatchObject({ queued: 1, sent: 0 });

    const before = sink.received.length;
    expect((await send()).sent).toBeGreaterThanOrEqual(1);
    const mine = sink.received.slice(before).filter((m) => m.to.includes(`<${founder.email}>`));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.from).toContain('no-reply@gate.example');
    expect(mine[0]!.text).toContain(`apply in one click: http://localhost:3000/hubs/${hub.slug}/programs/${program.id}`);
    expect(mine[0]!.text).toContain('符合“算力券”的申请条件');
    expect(mine[0]!.data).toMatch(/Message-ID: <[0-9a-f-]{36}@gate\.example>/i);
    expect(await outboxCounts(ctx.database.db, hub.id)).toMatchObject({ queued: 0, sent: 1 });

    // Nothing twice: another round sends nothing; inviting again queues nothing.
    const after = sink.received.length;
    await send();
    expect(sink.received.slice(after).filter((m) => m.to.includes(`<${founder.email}>`))).toHaveLength(0);
    expect((await invite()).json()).toEqual({ invited: 0, emailed: 0 });
  });

  it('an invitation rolled back leaves no e-mail behind', async () => {
    const { hub, officer, program } = await matchedVoucher();
    const scope = { hub, actor: await loadActor(ctx.database.db, hub.id, officer.id) };
    await expect(
      withTransaction(ctx.database.db, async (tx) => {
        expect(await inviteMatched(tx, scope, program.id, { publicUrl: 'http://gate.example' })).toEqual({ invited: 1, emailed: 1 });
        throw new Error('the caller fails after inviting');
      }),
    ).rejects.toThrow('the caller fails');
    expect(await outboxCounts(ctx.database.db, hub.id)).toEqual({ queued: 0, sending: 0, sent: 0, failed: 0 });
  });

  it('senders running at once, hub by hub, send each message once (claims per hub, as Citus needs)', async () => {
    const a = await matchedVoucher();
    const b = await matchedVoucher();
    await Promise.all([a.invite(), b.invite()]);
    const before = sink.received.length;
    await Promise.all([send(), send(), send()]);
    for (const { hub, founder } of [a, b]) {
      expect(sink.received.slice(before).filter((m) => m.to.includes(`<${founder.email}>`))).toHaveLength(1);
      expect(await outboxCounts(ctx.database.db, hub.id)).toMatchObject({ queued: 0, sending: 0, sent: 1 });
    }
  });

  it('a refused delivery is retried later; a claim left by a killed sender is taken again', async () => {
    const { hub, invite } = await matchedVoucher();
    await invite();
    sink.refuseRecipients(true);
    try {
      expect((await send()).retrying).toBeGreaterThanOrEqual(1);
    } finally {
      sink.refuseRecipients(false);
    }
    const [row] = (
      await ctx.database.db.execute<{ status: string; attempts: number; last_error: string; due: boolean }>(
        sql`SELECT status, attempts, last_error, next_attempt_at <= now() AS due FROM email_outbox WHERE hub_id = ${hub.id}`,
      )
    ).rows;
    expect(row).toMatchObject({ status: 'queued', attempts: 1, due: false, last_error: expect.stringContaining('451') });

    // A sender that claimed the message and died: the claim runs out, the message goes.
    await ctx.database.db.execute(sql`UPDATE email_outbox SET status = 'sending', next_attempt_at = now() - interval '1 second' WHERE hub_id = ${hub.id}`);
    await send();
    expect(await outboxCounts(ctx.database.db, hub.id)).toMatchObject({ sent: 1, sending: 0, queued: 0 });
  });

  it('the delivery job sends nothing without SMTP_URL and delivers with it', async () => {
    const { hub, invite } = await matchedVoucher();
    await invite();
    await deliverOutboxJob.handle(ctx.database.db, {}, undefined, { ...ctx.config, smtpUrl: undefined });
    expect(await outboxCounts(ctx.database.db, hub.id)).toMatchObject({ queued: 1 });
    await deliverOutboxJob.handle(ctx.database.db, {}, undefined, ctx.config);
    expect(await outboxCounts(ctx.database.db, hub.id)).toMatchObject({ queued: 0, sent: 1 });
  });
});

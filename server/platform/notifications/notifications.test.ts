import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../db/transaction.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import type { HubRow } from '../tenancy/tenancy.js';
import { notify } from './index.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

const list = (hub: HubRow, user: TestUser | null, query = '') =>
  ctx.app.inject(as(user, { method: 'GET', url: `/api/hubs/${hub.slug}/notifications${query}` }));
const read = (hub: HubRow, user: TestUser, id: string) => ctx.app.inject(as(user, { method: 'POST', url: `/api/hubs/${hub.slug}/notifications/${id}/read` }));
const reminder = (userId: string, subjectId = randomUUID()) => ({
  userId,
  kind: 'reminder',
  subjectType: 'program',
  subjectId,
  payload: { title: { zh: '提醒', en: 'Reminder' }, link: '/x' },
});

describe('notifications', () => {
  it('each person sees only their own, newest first, with the unread count; notifying twice is once', async () => {
    const hub = await createTestHub(ctx);
    const [ann, bob] = [await createTestUser(ctx), await createTestUser(ctx)];
    const subject = randomUUID();
    const written = await withTransaction(ctx.database.db, async (tx) => {
      const first = await notify(tx, hub.id, [reminder(ann.id, subject), reminder(ann.id), reminder(bob.id)]);
      const again = await notify(tx, hub.id, [reminder(ann.id, subject)]);
      return { first: first.length, again: again.length };
    });
    expect(written).toEqual({ first: 3, again: 0 });

    const mine = (await list(hub, ann)).json();
    expect(mine.unread).toBe(2);
    expect(mine.items).toHaveLength(2);
    expect(mine.items[0]).toMatchObject({ kind: 'reminder', read: false, payload: { title: { en: 'Reminder' }, link: '/x' } });
    expect((await list(hub, bob)).json().items).toHaveLength(1);
    expect((await list(hub, null)).statusCode).toBe(401);
    // Another hub: nothing of this one shows.
    expect((await list(await createTestHub(ctx), ann)).json()).toEqual({ items: [], next: null, unread: 0 });
  });

  it('marks one read (someone else’s is 404), then all; unread-only lists shrink', async () => {
    const hub = await createTestHub(ctx);
    const [ann, bob] = [await createTestUser(ctx), await createTestUser(ctx)];
    await withTransaction(ctx.database.db, (tx) => notify(tx, hub.id, [reminder(ann.id), reminder(ann.id), reminder(ann.id), reminder(bob.id)]));
    const [first] = (await list(hub, ann)).json().items;
    expect((await read(hub, bob, first.id)).statusCode).toBe(404);
    expect((await read(hub, ann, first.id)).statusCode).toBe(204);
    expect((await read(hub, ann, first.id)).statusCode).toBe(204);
    expect((await list(hub, ann, '?unreadOnly=true')).json()).toMatchObject({ unread: 2, items: [expect.anything(), expect.anything()] });
    expect((await ctx.app.inject(as(ann, { method: 'POST', url: `/api/hubs/${hub.slug}/notifications/read` }))).json()).toEqual({ marked: 2 });
    expect((await list(hub, ann)).json().unread).toBe(0);
    expect((await list(hub, bob)).json().unread).toBe(1);
  });
});

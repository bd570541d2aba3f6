import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { fundedYear } from '../../test/budget-factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext } from '../../test/harness.js';
import { computeVoucherDraft } from '../../test/program-factories.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

/** The same value with every object's keys in the reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversedKeys(v)]),
  );
}

describe('program versions', () => {
  it('saving the same rules again, keys in any order, makes no new version; a changed value does', async () => {
    const hub = await createTestHub(ctx);
    await fundedYear(ctx.database.db, hub, { 'compute-vouchers': 10_000_000n }, 1_000_000_000n);
    const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
    const url = `/api/hubs/${hub.slug}/programs`;
    const draft = computeVoucherDraft();
    const created = await ctx.app.inject(as(officer, { method: 'POST', url, payload: draft }));
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const save = async (payload: object) => {
      const res = await ctx.app.inject(as(officer, { method: 'PUT', url: `${url}/${id}`, payload }));
      expect(res.statusCode, res.body).toBe(200);
      return res.json().version as number;
    };
    const versions = async () =>
      (
        await ctx.database.db.execute<{ version: number }>(
          sql`SELECT version FROM program_versions WHERE hub_id = ${hub.id} AND program_id = ${id} ORDER BY version`,
        )
      ).rows.map((r) => r.version);
    const rulesChanged = async () =>
      (
        await ctx.database.db.execute<{ changed: boolean }>(
          sql`SELECT (payload->>'rulesChanged')::boolean AS changed FROM audit_events
              WHERE hub_id = ${hub.id} AND subject_id = ${id} AND action = 'program.updated' ORDER BY seq`,
        )
      ).rows.map((r) => r.changed);

    // The draft as sent first, then with every key reordered, then the rules as the server answers them (jsonb's order).
    expect(await save(draft)).toBe(1);
    expect(await save(reversedKeys(draft) as object)).toBe(1);
    const stored = (await ctx.app.inject(as(officer, { method: 'GET', url: `${url}/${id}` }))).json().rules;
    expect(await save({ ...draft, rules: stored })).toBe(1);
    expect(await versions()).toEqual([1]);

    // A changed value, reordered or not, is a new version, once.
    const changed = computeVoucherDraft();
    changed.rules.criteria.pop();
    expect(await save(reversedKeys(changed) as object)).toBe(2);
    expect(await save(changed)).toBe(2);
    expect(await versions()).toEqual([1, 2]);
    expect(await rulesChanged()).toEqual([false, false, false, true, false]);
  });
});

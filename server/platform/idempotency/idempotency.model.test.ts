import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { organizationInput } from '../../test/factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext } from '../../test/harness.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

/**
 * Model test: any interleaving of requests drawn from a few keys and a few bodies,
 * some sent in concurrent bursts, against a model that says a key's first body wins.
 */
describe('Idempotency-Key model', () => {
  it('matches the model: one effect per key, replays equal, mismatches refused', async () => {
    const bodies = Array.from({ length: 3 }, () => organizationInput());
    const request = fc.record({ key: fc.constantFrom('model-key-a', 'model-key-b', 'model-key-c', null), body: fc.integer({ min: 0, max: 2 }) });
    const burst = fc.array(request, { minLength: 1, maxLength: 3 });

    await fc.assert(
      fc.asyncProperty(fc.array(burst, { minLength: 1, maxLength: 5 }), async (bursts) => {
        const hub = await createTestHub(ctx);
        const user = await createTestUser(ctx);
        const firstBodyOf = new Map<string, number>();
        const firstIdOf = new Map<string, string>();
        const usedBodies = new Set<number>();
        let created = 0;
        for (const group of bursts) {
          const responses = await Promise.all(
            group.map((r) =>
              ctx.app.inject(
                as(user, {
                  method: 'POST',
                  url: `/api/hubs/${hub.slug}/organizations`,
                  payload: bodies[r.body],
                  headers: r.key ? { 'idempotency-key': r.key } : {},
                }),
              ),
            ),
          );
          // Within a burst the database picks an order; check each response against the
          // model given the state before the burst, then fold the burst in.
          group.forEach((r, i) => {
            const res = responses[i]!;
            if (r.key && firstBodyOf.has(r.key)) {
              if (firstBodyOf.get(r.key) === r.body) {
                expect(res.statusCode).toBe(201);
                expect(res.json().id).toBe(firstIdOf.get(r.key));
              } else {
                expect(res.statusCode).toBe(422);
              }
              return;
            }
            expect([201, 409, 422]).toContain(res.statusCode);
          });
          group.forEach((r, i) => {
            const res = responses[i]!;
            if (res.statusCode === 201 && res.headers['idempotent-replayed'] !== 'true') created++;
            if (res.statusCode === 201 && r.key && !firstBodyOf.has(r.key)) {
              firstBodyOf.set(r.key, r.body);
              firstIdOf.set(r.key, res.json().id);
            }
            if (res.statusCode === 201) usedBodies.add(r.body);
          });
        }
        // A body (one USCC) can be created at most once per hub; each effect was counted once.
        const { rows } = await ctx.database.db.execute(sql`SELECT count(*)::int AS n FROM organizations WHERE hub_id = ${hub.id}`);
        expect((rows[0] as { n: number }).n).toBe(created);
        expect(created).toBe(usedBodies.size);
      }),
      { numRuns: 12 },
    );
  });
});

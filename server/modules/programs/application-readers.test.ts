import { beforeAll, describe, expect, it } from 'vitest';
import type { HubRole } from '../../../contracts/auth.js';
import { createTestUser, startTestApp, type TestContext } from '../../test/harness.js';
import { reviewedWorld } from '../../test/review-factories.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

/**
 * An application carries the applicant's answers and files: the staff who decide, pay and
 * audit it read the hub's; the desks of stations, space and compute and the security admin
 * neither open one (404) nor find it in their list.
 */
describe('who among the staff reads applications', () => {
  it('officers, finance, the hub admin and the auditor read and list it; the other desks do not', async () => {
    const w = await reviewedWorld(ctx);
    const readsAndLists = async (role: HubRole) => {
      const user = await createTestUser(ctx, { hub: w.hub, roles: [role] });
      const detail = await w.call(user, 'GET', w.at(''));
      const list = await w.call(user, 'GET', '/applications?limit=100');
      expect(list.statusCode, list.body).toBe(200);
      return [role, detail.statusCode, list.json().items.some((a: { id: string }) => a.id === w.application.id)];
    };
    const readers: HubRole[] = ['hub_admin', 'program_officer', 'finance_officer', 'auditor'];
    const others: HubRole[] = ['security_admin', 'station_manager', 'space_manager', 'compute_operator'];
    for (const role of readers) expect(await readsAndLists(role)).toEqual([role, 200, true]);
    for (const role of others) expect(await readsAndLists(role)).toEqual([role, 404, false]);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import type { HubRole } from '../../../contracts/auth.js';
import { createTestUser, startTestApp, type TestContext } from '../../test/harness.js';
import { reviewedWorld } from '../../test/review-factories.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

/**
 * People's personal data (applications' answers and files, the people register, a person's
 * talent assessments, the bulk export) is read by the staff who decide, pay and audit; the
 * desks of stations, space and compute and the security admin neither open it (404) nor find
 * an application in their list.
 */
describe('who among the staff reads personal data', () => {
  it('officers, finance, the hub admin and the auditor read it; the other desks do not', async () => {
    const w = await reviewedWorld(ctx);
    const person = (await w.call(w.officer, 'GET', '/people?limit=1')).json().items[0];
    expect(person, 'the world has a person').toBeDefined();
    const reads = async (role: HubRole) => {
      const user = await createTestUser(ctx, { hub: w.hub, roles: [role] });
      const list = await w.call(user, 'GET', '/applications?limit=100');
      expect(list.statusCode, list.body).toBe(200);
      return {
        role,
        application: (await w.call(user, 'GET', w.at(''))).statusCode,
        listed: list.json().items.some((a: { id: string }) => a.id === w.application.id),
        people: (await w.call(user, 'GET', '/people?limit=10')).statusCode,
        assessments: (await w.call(user, 'GET', `/talent/people/${person.id}/assessments`)).statusCode,
        export: (await w.call(user, 'GET', '/ecosystem/export?format=csv')).statusCode,
      };
    };
    for (const role of ['hub_admin', 'program_officer', 'finance_officer', 'auditor'] as const)
      expect(await reads(role)).toEqual({ role, application: 200, listed: true, people: 200, assessments: 200, export: 200 });
    for (const role of ['security_admin', 'station_manager', 'space_manager', 'compute_operator'] as const)
      expect(await reads(role)).toEqual({ role, application: 404, listed: false, people: 404, assessments: 404, export: 404 });
  });
});

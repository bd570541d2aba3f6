import { randomUUID } from 'node:crypto';
import type { HubRow } from '../platform/tenancy/tenancy.js';
import { organizationInput } from './factories.js';
import { as, type TestContext, type TestUser } from './harness.js';

/** API helpers that build a small ecosystem as a hub's program officer would. */
export function ecosystemBuilder(ctx: TestContext, hub: HubRow, staff: TestUser) {
  const post = async (path: string, payload: unknown) => {
    const res = await ctx.app.inject(as(staff, { method: 'POST', url: `/api/hubs/${hub.slug}${path}`, payload: payload as object }));
    if (res.statusCode !== 201) throw new Error(`${path}: ${res.statusCode} ${res.body}`);
    return res.json() as { id: string };
  };
  return {
    org: (overrides: Record<string, unknown> = {}) => post('/organizations', organizationInput(overrides)),
    university: (en = `University ${randomUUID().slice(0, 6)}`) =>
      post('/organizations', organizationInput({ kind: 'university', name: { zh: '大学', en }, sectors: ['education'], foundedOn: '1897-05-21' })),
    person: (overrides: Record<string, unknown> = {}) =>
      post('/people', { name: { zh: '张三', en: `Person ${randomUUID().slice(0, 6)}` }, bornOn: '1985-01-01', roles: ['founder'], ...overrides }),
    relation: (kind: string, from: { type: 'person' | 'organization'; id: string }, to: string, extra: Record<string, unknown> = {}) =>
      post('/relations', { kind, from, to: { type: 'organization', id: to }, source: { note: 'test' }, ...extra }),
  };
}

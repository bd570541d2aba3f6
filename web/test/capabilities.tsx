import { useCapabilities } from '../src/auth/use-capabilities';
import type { HubRole } from '../../contracts/auth';
import { capabilitiesSchema, type Capabilities } from '../../contracts/capabilities';
import { fakeServer, type SeenRequest } from './fake-server';

type Actions = Capabilities['actions'];
export type Grants = { [K in keyof Actions]?: Partial<Actions[K]> };

/**
 * A capabilities answer for a component test: every action refused except those granted.
 * `roles` is what the person holds; pages must not read it to decide on buttons, so tests
 * give roles that disagree with the grants to prove the page follows the actions.
 */
export function capabilitiesWith(grants: Grants, roles: HubRole[] = []): Capabilities {
  const areas = capabilitiesSchema.shape.actions.shape;
  const actions = Object.fromEntries(
    Object.entries(areas).map(([area, flags]) => [
      area,
      { ...Object.fromEntries(Object.keys(flags.shape).map((flag) => [flag, false])), ...grants[area as keyof Actions] },
    ]),
  ) as Actions;
  return {
    hub: 'hangzhou',
    signedIn: true,
    roles,
    suspended: false,
    operator: false,
    emailVerified: true,
    mustEnrolTwoFactor: false,
    sections: [],
    actions,
  };
}

/** Answers the session and capabilities reads a page makes (signed out as far as /api/me goes); `null` when the path is another. */
export function capabilitiesReply(path: string, capabilities: Capabilities): { status: number; body?: unknown } | null {
  if (path === '/api/me') return { status: 401, body: { error: { code: 'UNAUTHENTICATED', message: 'unauthenticated' } } };
  if (/^\/api\/hubs\/[^/]+\/capabilities$/.test(path)) return { status: 200, body: capabilities };
  return null;
}

/**
 * Renders "capabilities loaded" once the page's capabilities read has answered (same query): a
 * test waits for it before saying a button is absent, so absence is not just "not loaded yet".
 */
export function CapabilitiesLoaded({ hub }: { hub: string }) {
  return useCapabilities(hub).data ? <p>capabilities loaded</p> : null;
}

type Reply = { status: number; body?: unknown };

/** A fake server that answers the session and capabilities reads, then `reply` (404 where it returns nothing). */
export function fakeServerWith(capabilities: Capabilities, reply: (request: SeenRequest) => Reply | undefined = () => undefined) {
  return fakeServer(
    (request) =>
      capabilitiesReply(request.path, capabilities) ?? reply(request) ?? { status: 404, body: { error: { code: 'NOT_FOUND', message: 'not found' } } },
  );
}

/** Wait for a page's reads (capabilities, then its data) longer than Testing Library's default second: a loaded machine answers slowly. */
export const loading = { timeout: 10_000 };

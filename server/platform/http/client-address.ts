import type { Config } from '../config.js';

/**
 * Fastify's `trustProxy` from the `TRUST_PROXY` setting. Addresses and ranges go as they are.
 * A number N trusts the nearest N hops whatever their address (Fastify refuses hop counts,
 * since a client that reaches the server directly could then name its own address): the
 * setting for a server that only its proxies can reach. Never Fastify's `true`, which takes
 * the first address of X-Forwarded-For, the one a client can write itself.
 */
export function fastifyTrustProxy(setting: Config['trustProxy']): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting !== 'number') return setting;
  return (_address, hop) => hop < setting;
}

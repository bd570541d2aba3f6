import { allow, definePolicy } from '../policies.js';

/**
 * Hub admins manage their hub's tokens, signed in as themselves: a token never makes or
 * revokes tokens, so a leaked one cannot outlive its own revocation through another.
 */
const signedInPerson = (actor: { token?: unknown }) => actor.token === undefined;

export const apiTokensPolicy = definePolicy<null>([
  allow(['hub_admin', 'security_admin'], 'read', signedInPerson),
  allow(['hub_admin', 'security_admin'], 'manage', signedInPerson),
]);

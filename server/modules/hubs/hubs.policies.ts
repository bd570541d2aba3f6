import { allow, definePolicy } from '../../platform/policies.js';

/** Hubs themselves: operators open and archive them; a hub's admins change its settings. */
export const hubPolicy = definePolicy<null>([
  allow('operator', 'create'),
  allow('operator', 'archive'),
  allow('operator', 'list_all'),
  allow(['hub_admin', 'operator'], 'read_settings'),
  allow('hub_admin', 'update_settings'),
]);

/**
 * A hub's sign-in rules (second factor, session limits) belong to its security admin (and,
 * until every hub has one, its system admin); auditors read them, never change them.
 */
export const hubSecurityPolicy = definePolicy<null>([
  allow(['hub_admin', 'security_admin', 'auditor', 'operator'], 'read'),
  allow(['hub_admin', 'security_admin'], 'update'),
]);

/**
 * A hub's staff: its security admin (and, until every hub has one, its system admin)
 * manages it; auditors read it. The operator only invites (the first admin of a new hub)
 * and is never listed among the staff.
 */
export const staffPolicy = definePolicy<null>([
  allow(['hub_admin', 'security_admin', 'auditor'], 'read'),
  allow(['hub_admin', 'security_admin', 'operator'], 'invite'),
  allow(['hub_admin', 'security_admin'], 'manage'),
]);

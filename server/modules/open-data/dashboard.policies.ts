import { allow, definePolicy } from '../../platform/policies.js';

/** The hub dashboard: the hub admin, and the auditor who reads everything. */
export const dashboardPolicy = definePolicy<null>([allow(['hub_admin', 'auditor'], 'read')]);

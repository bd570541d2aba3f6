import { allow, definePolicy } from '../../platform/policies.js';

/** Finance officers and hub admins move money; program officers and auditors watch it. */
export const budgetPolicy = definePolicy<null>([
  allow(['finance_officer', 'hub_admin', 'program_officer', 'auditor'], 'read'),
  allow(['finance_officer', 'hub_admin'], 'write'),
]);

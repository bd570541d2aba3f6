import { allow, definePolicy } from '../policies.js';

/**
 * A hub's audit log is the auditor's: they export it. The system and security admins do
 * not (三员分立), and nobody changes it.
 */
export const auditLogPolicy = definePolicy<null>([allow('auditor', 'read'), allow('auditor', 'export')]);

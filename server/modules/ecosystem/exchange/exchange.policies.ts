import { allow, definePolicy, HUB_STAFF } from '../../../platform/policies.js';

/** A whole ecosystem in or out: program staff bring data in; any staff member may take it out. */
export const exchangePolicy = definePolicy<null>([allow(HUB_STAFF, 'export'), allow(['hub_admin', 'program_officer'], 'import')]);

import { allow, definePolicy, PERSONAL_DATA_STAFF } from '../../../platform/policies.js';

/** A whole ecosystem in or out (its people too): program staff bring data in; the staff who work with personal data take it out. */
export const exchangePolicy = definePolicy<null>([allow(PERSONAL_DATA_STAFF, 'export'), allow(['hub_admin', 'program_officer'], 'import')]);

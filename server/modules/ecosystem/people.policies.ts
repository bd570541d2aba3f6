import { allow, definePolicy, HUB_STAFF, PERSONAL_DATA_STAFF } from '../../platform/policies.js';

/** People are personal data: the staff who work with it see them (PERSONAL_DATA_STAFF); program staff record them. */
export const personPolicy = definePolicy<null>([
  allow(PERSONAL_DATA_STAFF, 'read'),
  allow(['hub_admin', 'program_officer'], 'create'),
  allow(['hub_admin', 'program_officer'], 'update'),
]);

/**
 * Relations and facts: staff read them and program staff record them; the public sees
 * founders only. A tie naming a person other than as founder goes only to those `personPolicy`
 * lets read people (`listRelations`, the graph, search).
 */
export const ecosystemRecordPolicy = definePolicy<null>([allow(HUB_STAFF, 'read'), allow(['hub_admin', 'program_officer'], 'create')]);

import { z } from 'zod';
import { lapseSpaceOffers } from '../../../modules/spaces/index.js';
import { forgetHubs, listHubRows } from '../../tenancy/tenancy.js';
import { defineJob } from '../job.js';

/** Every five minutes: offers of space past their time limit are released and the request waits again. */
export const lapseSpaceOffersJob = defineJob({
  name: 'lapse-space-offers',
  payload: z.object({}),
  cron: '*/5 * * * *',
  async handle(db) {
    forgetHubs(db);
    for (const hub of await listHubRows(db)) await lapseSpaceOffers(db, hub);
  },
});

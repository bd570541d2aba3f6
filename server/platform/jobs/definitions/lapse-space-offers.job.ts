import { z } from 'zod';
import { lapseSpaceOffers } from '../../../modules/spaces/index.js';
import { forgetHubs, listHubRows } from '../../tenancy/tenancy.js';
import { defineJob } from '../job.js';

/**
 * Every five minutes: offers of space past their time limit are released and the request
 * waits again. One hub failing (or one of its requests) does not stop the others; the
 * failures are thrown together at the end, so the run is marked failed and says which.
 */
export const lapseSpaceOffersJob = defineJob({
  name: 'lapse-space-offers',
  payload: z.object({}),
  cron: '*/5 * * * *',
  async handle(db) {
    forgetHubs(db);
    const failures: string[] = [];
    for (const hub of await listHubRows(db)) {
      await lapseSpaceOffers(db, hub).catch((error: unknown) => failures.push(`${hub.slug}: ${error instanceof Error ? error.message : String(error)}`));
    }
    if (failures.length) throw new Error(`lapsing space offers failed for ${failures.join('; ')}`);
  },
});

import { z } from 'zod';
import { releaseNoShows } from '../../../modules/stays/index.js';
import { forgetHubs, listHubRows } from '../../tenancy/tenancy.js';
import { defineJob } from '../job.js';

/** Hourly: guests who have not arrived by their station's cut-off hour are released. */
export const releaseStayNoShowsJob = defineJob({
  name: 'release-stay-no-shows',
  payload: z.object({}),
  cron: '5 * * * *',
  async handle(db) {
    forgetHubs(db);
    for (const hub of await listHubRows(db)) await releaseNoShows(db, hub);
  },
});

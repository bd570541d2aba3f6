import { z } from 'zod';
import { checkHubObligations } from '../../../modules/obligations/index.js';
import { forgetHubs, listHubRows } from '../../tenancy/tenancy.js';
import { defineJob } from '../job.js';

/**
 * Daily (02:00 UTC): in every hub, records new awards' obligations, checks open ones
 * against the facts they name and raises findings, reminds awardees of outcome reports
 * coming due. Re-running it the same day raises nothing twice.
 */
export const checkObligationsJob = defineJob({
  name: 'check-obligations',
  payload: z.object({ hubId: z.uuid().optional() }),
  cron: '0 2 * * *',
  async handle(db, { hubId }) {
    forgetHubs(db);
    for (const hub of await listHubRows(db)) {
      if (hubId && hub.id !== hubId) continue;
      await checkHubObligations(db, hub);
    }
  },
});

import { z } from 'zod';
import { checkHubConditions, remindMilestones } from '../../../modules/reviews/index.js';
import { forgetHubs, listHubRows } from '../../tenancy/tenancy.js';
import { defineJob } from '../job.js';

/**
 * Daily (01:00 UTC): in every hub, pays award tranches whose condition now holds (a date
 * reached, a report accepted, months of social insurance recorded) and reminds awardees
 * of reports falling due. Each award is its own transaction; paying is idempotent.
 */
export const awardConditionsJob = defineJob({
  name: 'award-conditions',
  payload: z.object({ hubId: z.uuid().optional() }),
  cron: '0 1 * * *',
  async handle(db, { hubId }) {
    forgetHubs(db);
    for (const hub of await listHubRows(db)) {
      if (hubId && hub.id !== hubId) continue;
      await checkHubConditions(db, hub);
      await remindMilestones(db, hub);
    }
  },
});

import { z } from 'zod';
import { forgetHubs, listHubRows } from '../../tenancy/tenancy.js';
import { defineJob } from '../job.js';
import { matchProgramsJob } from './match-programs.job.js';

/** Nightly (02:30 UTC): one match-programs job per hub, so hubs run (and fail) apart. */
export const scheduleMatchingJob = defineJob({
  name: 'schedule-matching',
  payload: z.object({}),
  cron: '30 2 * * *',
  async handle(db, _payload, queue) {
    forgetHubs(db);
    for (const hub of await listHubRows(db)) await queue?.send(matchProgramsJob.name, { hubId: hub.id }, { singletonKey: hub.id });
  },
});

import { z } from 'zod';
import { refreshStaleSummaries } from '../../../modules/ecosystem/index.js';
import { defineJob } from '../job.js';

/** Every minute: the talent pipeline and hub comparison of every hub written to since are recomputed and stored. */
export const refreshSummariesJob = defineJob({
  name: 'refresh-summaries',
  payload: z.object({}),
  cron: '* * * * *',
  async handle(db) {
    await refreshStaleSummaries(db);
  },
});

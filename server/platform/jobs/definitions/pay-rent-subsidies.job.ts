import { z } from 'zod';
import { runMonthlySubsidies } from '../../../modules/spaces/index.js';
import { forgetHubs, listHubRows } from '../../tenancy/tenancy.js';
import { defineJob } from '../job.js';

/**
 * Daily (a lease's months start on its own day of the month): pays each subsidised
 * lease's months begun, settles leases whose end has come, lapses extensions whose
 * window passed. Each month is paid once (a payment row's key), so a rerun pays nothing twice.
 */
export const payRentSubsidiesJob = defineJob({
  name: 'pay-rent-subsidies',
  payload: z.object({}),
  cron: '30 1 * * *',
  async handle(db) {
    forgetHubs(db);
    for (const hub of await listHubRows(db)) await runMonthlySubsidies(db, hub, new Date());
  },
});

import { z } from 'zod';
import { remindExpiringHolds } from '../../../modules/spaces/index.js';
import { forgetHubs, listHubRows } from '../../tenancy/tenancy.js';
import { defineJob } from '../job.js';

/** Daily: holds ending within 30 days remind their park's operators once; holds past their end expire. */
export const remindSpaceHoldsJob = defineJob({
  name: 'remind-space-holds',
  payload: z.object({}),
  cron: '0 1 * * *',
  async handle(db, _payload, _queue, config) {
    forgetHubs(db);
    const mail = config?.smtpUrl ? { publicUrl: config.publicUrl } : null;
    for (const hub of await listHubRows(db)) await remindExpiringHolds(db, hub, new Date(), mail);
  },
});

import { z } from 'zod';
import { withTransaction } from '../../../db/transaction.js';
import { offerFreedBeds, stationsWithWaitlist } from '../../../modules/stays/index.js';
import { forgetHubs, listHubRows } from '../../tenancy/tenancy.js';
import { defineJob } from '../job.js';

/**
 * Every minute: offers that ran out pass on, and beds freed by anything the request path
 * did not offer itself (no-shows, early check-outs, a crash after commit) reach the first
 * waiting graduate whose range fits. One transaction per station, so stations run apart.
 */
export const offerStayBedsJob = defineJob({
  name: 'offer-stay-beds',
  payload: z.object({}),
  cron: '* * * * *',
  async handle(db) {
    forgetHubs(db);
    for (const hub of await listHubRows(db)) {
      for (const stationId of await stationsWithWaitlist(db, hub.id)) await withTransaction(db, (tx) => offerFreedBeds(tx, hub, stationId));
    }
  },
});

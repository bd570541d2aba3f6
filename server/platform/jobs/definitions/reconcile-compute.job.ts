import { z } from 'zod';
import { reconcileComputeVouchers } from '../../../modules/compute/index.js';
import { forgetHubs, listHubRows } from '../../tenancy/tenancy.js';
import { defineJob } from '../job.js';

/**
 * Daily (02:00 UTC): in every hub, metered voucher payments against the ledger, to the
 * fen. Differences are logged as errors for finance to look into; nothing is changed.
 */
export const reconcileComputeJob = defineJob({
  name: 'reconcile-compute',
  payload: z.object({ hubId: z.uuid().optional() }),
  cron: '0 2 * * *',
  async handle(db, { hubId }) {
    forgetHubs(db);
    for (const hub of await listHubRows(db)) {
      if (hubId && hub.id !== hubId) continue;
      const result = await reconcileComputeVouchers(db, hub.id);
      if (result.differences.length > 0)
        throw new Error(`compute vouchers of hub ${hub.slug} differ from the ledger: ${JSON.stringify(result.differences.slice(0, 20))}`);
    }
  },
});

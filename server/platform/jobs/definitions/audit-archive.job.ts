import { z } from 'zod';
import { archiveChain } from '../../audit/archive.js';
import { auditChains } from '../../audit/deployment-chain.js';
import { defineJob } from '../job.js';

/**
 * Daily: each chain's events older than `DRAGONGATE_AUDIT_ONLINE_DAYS` (at least 184) move
 * to the archive table, unchanged and still verifiable; nothing is deleted.
 */
export const auditArchiveJob = defineJob({
  name: 'audit-archive',
  payload: z.object({}),
  cron: '40 3 * * *',
  async handle(db, _payload, _queue, config) {
    if (!config) throw new Error('audit archiving needs the process configuration (online days)');
    for (const chain of await auditChains(db)) await archiveChain(db, chain.id, config.auditOnlineDays);
  },
});

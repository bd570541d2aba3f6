import { z } from 'zod';
import { auditChains } from '../../audit/deployment-chain.js';
import { forwardChain } from '../../audit/forward.js';
import { defineJob } from '../job.js';

/**
 * Every minute, when `DRAGONGATE_AUDIT_FORWARD` names a syslog or HTTP sink: each chain's
 * events not yet sent, oldest first. A sink that is down is retried next minute from the
 * same event; one chain failing does not stop the others.
 */
export const auditForwardJob = defineJob({
  name: 'audit-forward',
  payload: z.object({}),
  cron: '* * * * *',
  async handle(db, _payload, _queue, config) {
    if (!config?.auditForward) return;
    const failures: string[] = [];
    for (const chain of await auditChains(db)) {
      await forwardChain(db, config.auditForward, chain.id).catch((error: unknown) => failures.push(`${chain.slug}: ${String(error)}`));
    }
    if (failures.length) throw new Error(`audit forwarding failed for ${failures.join('; ')}`);
  },
});

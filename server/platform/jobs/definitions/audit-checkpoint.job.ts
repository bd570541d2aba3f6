import { z } from 'zod';
import { writeCheckpoint } from '../../audit/checkpoints.js';
import { auditChains } from '../../audit/deployment-chain.js';
import { forgetHubs } from '../../tenancy/tenancy.js';
import { defineJob } from '../job.js';

/**
 * Every 10 minutes: each hub's audit chain head (and the deployment's own chain), with the hashes since the last
 * checkpoint, signed and written outside the database (and sent to the sink, if any).
 * A hub with nothing new writes nothing. One hub failing does not stop the others.
 */
export const auditCheckpointJob = defineJob({
  name: 'audit-checkpoint',
  payload: z.object({ hubId: z.uuid().optional() }),
  cron: '*/10 * * * *',
  async handle(db, { hubId }, _queue, config) {
    if (!config) throw new Error('audit checkpoints need the process configuration (secret, directory)');
    forgetHubs(db);
    const failures: string[] = [];
    for (const hub of await auditChains(db)) {
      if (hubId && hub.id !== hubId) continue;
      await writeCheckpoint(db, config, hub.id).catch((error: unknown) => failures.push(`${hub.slug}: ${String(error)}`));
    }
    if (failures.length) throw new Error(`audit checkpoints failed for ${failures.join('; ')}`);
  },
});

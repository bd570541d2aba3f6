import { z } from 'zod';
import { shipBackup } from '../../backup/offsite.js';
import { defineJob } from '../job.js';

/**
 * Nightly (03:20 UTC), when `DRAGONGATE_BACKUP_URL` names an off-site store: a whole backup
 * of the database, sent there with its signed manifest (`platform/backup/offsite.ts`).
 * Without a store it does nothing. A failure throws, so the job system retries it.
 */
export const backupOffsiteJob = defineJob({
  name: 'backup-offsite',
  payload: z.object({}),
  cron: '20 3 * * *',
  async handle(db, _payload, _queue, config) {
    if (!config) throw new Error('off-site backups need the process configuration (store, secret, home)');
    if (config.backupUrl) await shipBackup(db, config);
  },
});

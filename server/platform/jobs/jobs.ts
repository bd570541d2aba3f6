import PgBoss from 'pg-boss';
import type { Db } from '../../db/connection.js';
import { matchProgramsJob } from './definitions/match-programs.job.js';
import { scheduleMatchingJob } from './definitions/schedule-matching.job.js';
import { offerStayBedsJob } from './definitions/offer-stay-beds.job.js';
import { purgeExpiredJob } from './definitions/purge-expired.job.js';
import { deliverOutboxJob } from './definitions/deliver-outbox.job.js';
import { awardConditionsJob } from './definitions/award-conditions.job.js';
import { checkObligationsJob } from './definitions/check-obligations.job.js';
import { releaseStayNoShowsJob } from './definitions/release-stay-no-shows.job.js';
import { payRentSubsidiesJob } from './definitions/pay-rent-subsidies.job.js';
import { lapseSpaceOffersJob } from './definitions/lapse-space-offers.job.js';
import { reconcileComputeJob } from './definitions/reconcile-compute.job.js';
import { remindSpaceHoldsJob } from './definitions/remind-space-holds.job.js';
import { auditArchiveJob } from './definitions/audit-archive.job.js';
import { auditForwardJob } from './definitions/audit-forward.job.js';
import { auditCheckpointJob } from './definitions/audit-checkpoint.job.js';
import { backupOffsiteJob } from './definitions/backup-offsite.job.js';
import { refreshSummariesJob } from './definitions/refresh-summaries.job.js';
import type { Config } from '../config.js';
import type { JobDefinition } from './job.js';
import { setJobQueue } from './queue.js';

// any: the list holds jobs whose payload types differ; each parses its own payload.
const jobs: JobDefinition<any>[] = [
  purgeExpiredJob,
  matchProgramsJob,
  scheduleMatchingJob,
  deliverOutboxJob,
  awardConditionsJob,
  checkObligationsJob,
  offerStayBedsJob,
  releaseStayNoShowsJob,
  payRentSubsidiesJob,
  lapseSpaceOffersJob,
  reconcileComputeJob,
  remindSpaceHoldsJob,
  auditCheckpointJob,
  auditForwardJob,
  auditArchiveJob,
  backupOffsiteJob,
  refreshSummariesJob,
];

export type JobRunner = { boss: PgBoss; stop: () => Promise<void> };

/** Starts pg-boss in this process: queues, schedules and workers for every job. */
export async function startJobs(databaseUrl: string, db: Db, log: (msg: string, err?: unknown) => void, config?: Config): Promise<JobRunner> {
  const boss = new PgBoss({ connectionString: databaseUrl, schema: 'pgboss', max: 3 });
  boss.on('error', (error) => log('job system error', error));
  await boss.start();
  for (const job of jobs) {
    await boss.createQueue(job.name);
    if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: 'UTC' });
    await boss.work(job.name, async (batch) => {
      for (const item of batch)
        await job.handle(db, job.payload.parse(item.data ?? {}), { send: (name, data, options) => boss.send(name, data, options ?? {}) }, config);
    });
  }
  setJobQueue({ send: (name, data, options) => boss.send(name, data, options ?? {}) });
  // Mail sooner than the minute's schedule when asked (tests and demos watch an inbox).
  const poll = config?.mailPollSeconds ? setInterval(() => void boss.send(deliverOutboxJob.name, {}).catch(() => {}), config.mailPollSeconds * 1000) : null;
  // wait: resolve only once workers and connections are gone, so the database can stop next.
  return {
    boss,
    stop: () => {
      setJobQueue(null);
      if (poll) clearInterval(poll);
      return boss.stop({ graceful: true, wait: true, timeout: 5_000 });
    },
  };
}

export { jobs };

import { z } from 'zod';
import type { Config } from '../platform/config.js';
import { jobs } from '../platform/jobs/jobs.js';
import type { JobQueue } from '../platform/jobs/job.js';
import { findHub } from '../platform/tenancy/tenancy.js';
import type { Db } from '../db/connection.js';
import { openDatabase } from './database.js';
import { refusal } from './refusal.js';

const out = (line: string) => process.stdout.write(line + '\n');

/** `dragongate jobs list`: every background job and when the scheduler runs it (UTC). */
export function jobsList(): number {
  const width = Math.max(...jobs.map((j) => j.name.length));
  for (const job of jobs) out(`${job.name.padEnd(width)}  ${job.cron ?? 'on demand'}${takesHub(job) ? '  [--hub SLUG]' : ''}`);
  return 0;
}

/**
 * `dragongate jobs run NAME [--hub SLUG]`: runs one background job now, in this process,
 * beside a running server (after an outage, or when an operator will not wait for the
 * night's run). It does what the scheduled run does, and every job is safe to run twice;
 * a job the run would hand on to another (matching per hub) is run here too.
 */
export async function jobsRun(config: Config, name: string | undefined, hubSlug: string | undefined): Promise<number> {
  const job = jobs.find((j) => j.name === name);
  if (!job) {
    out(`usage: dragongate jobs run NAME [--hub SLUG]; NAME one of: ${jobs.map((j) => j.name).join(', ')}`);
    return 2;
  }
  if (hubSlug && !takesHub(job)) {
    out(`${job.name} runs for every hub at once; leave out --hub`);
    return 2;
  }
  if (!hubSlug && !job.payload.safeParse({}).success) {
    out(`${job.name} runs for one hub: name it with --hub SLUG`);
    return 2;
  }
  const database = await openDatabase(config);
  try {
    const payload = hubSlug ? { hubId: (await findHub(database.db, hubSlug)).id } : {};
    const started = performance.now();
    await runNow(database.db, job, payload, config);
    out(`${job.name}${hubSlug ? ` (${hubSlug})` : ''}: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  } catch (error) {
    return refusal(error);
  } finally {
    await database.shutdown();
  }
}

type Job = (typeof jobs)[number];

async function runNow(db: Db, job: Job, data: object, config: Config): Promise<void> {
  const queue: JobQueue = {
    send: async (name, next) => {
      const handedOn = jobs.find((j) => j.name === name);
      if (handedOn) await runNow(db, handedOn, next, config);
    },
  };
  await job.handle(db, job.payload.parse(data), queue, config);
}

function takesHub(job: Job): boolean {
  return job.payload instanceof z.ZodObject && 'hubId' in job.payload.shape;
}

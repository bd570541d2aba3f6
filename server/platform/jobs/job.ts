import type { z } from 'zod';
import type { Db } from '../../db/connection.js';
import type { Config } from '../config.js';

export type JobQueue = { send: (name: string, data: object, options?: { singletonKey?: string }) => Promise<unknown> };

/** One background job: its queue name, its payload schema, when it runs, what it does. */
export type JobDefinition<P extends z.ZodType> = {
  name: string;
  payload: P;
  /** Cron (UTC) for recurring jobs. */
  cron?: string;
  /** `queue` (when run by pg-boss) lets a job enqueue others, e.g. one per hub; `config` is the process's. */
  handle: (db: Db, payload: z.output<P>, queue?: JobQueue, config?: Config) => Promise<void>;
};

export function defineJob<P extends z.ZodType>(job: JobDefinition<P>): JobDefinition<P> {
  return job;
}

import type { z } from 'zod';
import type { Db } from '../../db/connection.js';

export type JobQueue = { send: (name: string, data: object, options?: { singletonKey?: string }) => Promise<unknown> };

/** One background job: its queue name, its payload schema, when it runs, what it does. */
export type JobDefinition<P extends z.ZodType> = {
  name: string;
  payload: P;
  /** Cron (UTC) for recurring jobs. */
  cron?: string;
  /** `queue` (when run by pg-boss) lets a job enqueue others, e.g. one per hub. */
  handle: (db: Db, payload: z.output<P>, queue?: JobQueue) => Promise<void>;
};

export function defineJob<P extends z.ZodType>(job: JobDefinition<P>): JobDefinition<P> {
  return job;
}

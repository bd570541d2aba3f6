import type { z } from 'zod';
import type { Db } from '../../db/connection.js';

/** One background job: its queue name, its payload schema, when it runs, what it does. */
export type JobDefinition<P extends z.ZodType> = {
  name: string;
  payload: P;
  /** Cron (UTC) for recurring jobs. */
  cron?: string;
  handle: (db: Db, payload: z.output<P>) => Promise<void>;
};

export function defineJob<P extends z.ZodType>(job: JobDefinition<P>): JobDefinition<P> {
  return job;
}

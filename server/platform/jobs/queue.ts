import type { JobQueue } from './job.js';

// The queue of this process's pg-boss, once `startJobs` ran (`serve` with jobs on); null
// in tests and CLI commands, where nothing works the queue.
let current: JobQueue | null = null;

export function setJobQueue(queue: JobQueue | null): void {
  current = queue;
}

/**
 * Asks for a job after a change committed (e.g. matching after a program is published).
 * Without a running job system nothing is sent: the scheduled runs catch up. A failure
 * to enqueue is logged by the caller's `onError`, never fails the request that committed.
 */
export async function requestJob(name: string, data: object, onError: (error: unknown) => void = () => {}): Promise<boolean> {
  if (!current) return false;
  try {
    await current.send(name, data);
    return true;
  } catch (error) {
    onError(error);
    return false;
  }
}

/**
 * Work to do once a test file's tests are done: closing an app, removing a folder.
 * vitest runs an `afterAll` only when it was registered while the file was collected; one
 * registered in a `beforeAll` or a test is silently never run. `afterFile` works from
 * anywhere: `server/test/setup.ts` (a setup file of the server project) runs the queue after
 * each file, newest first.
 */
const queue: (() => unknown)[] = [];

export function afterFile(work: () => unknown): void {
  queue.push(work);
}

/** Runs and empties the queue, newest first; every item runs even if one throws. */
export async function runAfterFile(): Promise<void> {
  const errors: unknown[] = [];
  for (let work = queue.pop(); work; work = queue.pop()) {
    try {
      await work();
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length) throw new AggregateError(errors, 'cleaning up after the file failed');
}

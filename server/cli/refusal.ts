import { AppError } from '../platform/errors.js';

/**
 * What a CLI command does when a service refuses (a stable code, maybe fields): say so
 * and exit 1. Anything else is a bug and propagates.
 */
export function refusal(error: unknown): number {
  if (!(error instanceof AppError)) throw error;
  const fields = error.fields.map((f) => `${f.path}: ${f.code}${f.detail ? ` (${f.detail})` : ''}`).join(', ');
  process.stdout.write(`refused: ${error.code}${fields ? ` (${fields})` : ''}\n`);
  return 1;
}

import { createHash } from 'node:crypto';
import type { UsageFileFormat, UsageResult } from '../../../contracts/compute.js';
import type { Tx } from '../../db/connection.js';
import { AppError, invalid } from '../../platform/errors.js';
import type { Scope } from './pools.service.js';
import { at, readUsageFile } from './usage-file.js';
import { authorizeReport, reportComputeUsage } from './usage.service.js';

/**
 * A provider's usage file, all or nothing: every row is read and checked first (problems
 * name the file's line and column), then the records apply exactly as over the API, in
 * the caller's one transaction: a row that does not match its request (`USAGE_MISMATCH`)
 * is named by its line and column too, and writes nothing of the file. Uploading the same
 * file again changes nothing: each record id answers its first result (`replayed`). `now`
 * is the clock a row's end is checked against (`IN_THE_FUTURE`).
 */
export async function uploadComputeUsage(
  tx: Tx,
  scope: Scope,
  input: { providerId: string; format: UsageFileFormat; body: Buffer },
  now = new Date(),
): Promise<UsageResult[]> {
  await authorizeReport(tx, scope, input.providerId);
  const file = await readUsageFile(input.format, input.body);
  if (file.problems.length) throw new AppError('VALIDATION_FAILED', file.problems);
  if (file.rows.length === 0) throw invalid('body', 'REQUIRED');
  try {
    const sha256 = createHash('sha256').update(input.body).digest('hex');
    return await reportComputeUsage(tx, scope, { providerId: input.providerId, records: file.rows.map((r) => r.record) }, { via: input.format, sha256 }, now);
  } catch (error) {
    if (!(error instanceof AppError) || (error.code !== 'VALIDATION_FAILED' && error.code !== 'USAGE_MISMATCH')) throw error;
    // The records' problems, named by the file's line and column instead of the batch index (what a limit allows kept after it).
    throw new AppError(
      error.code,
      error.fields.map((f) => {
        const [, index, column] = /^records\.(\d+)\.(\w+)$/.exec(f.path) ?? [];
        const row = index === undefined ? undefined : file.rows[Number(index)];
        if (!row || !column) return f;
        const i = file.header.indexOf(column);
        const where = at(row.line, column, i >= 0 ? i : null);
        return { ...f, ...where, detail: f.detail ? `${where.detail}: ${f.detail}` : where.detail };
      }),
    );
  }
}

import { eq } from 'drizzle-orm';
import { fieldErrorMessages, type Locale } from '../../../../contracts/error-messages.js';
import { IMPORT_ERRORS_LISTED, type ImportResult, type RowError, type TableCounts } from '../../../../contracts/ecosystem-exchange.js';
import type { Db } from '../../../db/connection.js';
import { constraintName, sqlState, withTransaction } from '../../../db/transaction.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors.js';
import type { Scope } from '../organizations.service.js';
import { organizations } from '../organizations.tables.js';
import { exchangePolicy } from './exchange.policies.js';
import { checkRow, emptyRefBook, type RefBook } from './import-rows.js';
import { readSource, type ImportSource } from './import-reader.js';
import { batchWriter } from './import-writer.js';
import { touchEcosystem } from '../summaries.js';

export type ImportOptions = {
  partial?: boolean;
  dryRun?: boolean;
  locale?: Locale;
  /** Every bad row, as found (the result lists only the first IMPORT_ERRORS_LISTED). */
  onError?: (error: RowError) => void;
  /** Rows looked at so far in this pass. */
  onProgress?: (pass: 'validate' | 'write', rows: number) => void;
  batchSize?: number;
};

const zero = (): TableCounts => ({ organizations: 0, people: 0, relations: 0, facts: 0 });

/**
 * Imports a file of organisations, people, relations and facts into a hub. Every row is
 * validated first (pass one, nothing written); then, if the file is valid or `partial`
 * is asked, the valid rows are written in one transaction with one audit event (pass
 * two reads the file again). Memory holds the ref book, never the rows.
 */
export async function importEcosystem(db: Db, { hub, actor }: Scope, source: ImportSource, options: ImportOptions = {}): Promise<ImportResult> {
  exchangePolicy.authorize(actor, 'import', null, 'export');
  const locale = options.locale ?? 'en-US';
  const book = await hubRefBook(db, hub);
  const valid = zero();
  const errors: RowError[] = [];
  let errorCount = 0;
  let rejected = 0;
  let shapeBroken = false;
  const report = (error: Omit<RowError, 'message'>) => {
    const full = { ...error, message: fieldErrorMessages[error.code][locale] };
    errorCount++;
    if (errors.length < IMPORT_ERRORS_LISTED) errors.push(full);
    options.onError?.(full);
  };

  let seq = 0;
  for await (const item of readSource(source)) {
    if ('problem' in item) {
      shapeBroken = true;
      report({ sheet: item.sheet, line: item.line, ...(item.column ? { column: item.column } : {}), field: item.field, code: item.code });
      continue;
    }
    const checked = checkRow({ ...item, seq: ++seq }, book, true);
    if (checked.ok) valid[checked.table]++;
    else {
      rejected++;
      for (const p of checked.problems) report({ sheet: item.table, line: item.line, field: p.field, code: p.code });
    }
    if (seq % 1000 === 0) options.onProgress?.('validate', seq);
  }
  options.onProgress?.('validate', seq);

  // A file of the wrong shape (unknown sheet or column) is refused whole, partial or not.
  const writes = !shapeBroken && (errorCount === 0 || options.partial === true);
  const result = (written: TableCounts): ImportResult => ({ written, errors, errorCount, rejected, dryRun: options.dryRun === true });
  if (!writes) return result(zero());
  if (options.dryRun) return result(valid);

  const written = await withTransaction(
    db,
    async (tx) => {
      const writer = batchWriter(tx, hub.id, options.batchSize);
      let n = 0;
      for await (const item of readSource(source)) {
        if ('problem' in item) continue;
        const checked = checkRow({ ...item, seq: ++n }, book, false);
        if (checked.ok) await writer.add(checked);
        if (n % 1000 === 0) options.onProgress?.('write', n);
      }
      // The file must read the same twice; if the reader ever disagreed with itself, nothing is kept.
      if (n !== seq) throw new Error(`import: the file read ${n} rows on the writing pass, ${seq} on the checking pass`);
      const counts = await writer.finish();
      options.onProgress?.('write', n);
      await recordAudit(tx, {
        hubId: hub.id,
        actorId: actor.userId,
        action: 'ecosystem.imported',
        subjectType: 'hub',
        subjectId: hub.id,
        payload: { written: counts, rejected, format: source.format },
      });
      await touchEcosystem(tx, hub.id);
      return counts;
    },
    // Read committed: the writes are guarded by keys and constraints, and a serializable
    // transaction of a million inserts would only add predicate-lock bookkeeping.
    { isolation: 'read committed' },
  ).catch((error: unknown) => {
    // Another request registered one of the file's USCCs after validation.
    if (sqlState(error) === '23505' && constraintName(error) === 'organizations_hub_uscc_key')
      throw new AppError('DUPLICATE_USCC', [{ path: 'uscc', code: 'ALREADY_IN_HUB' }]);
    throw error;
  });
  return result(written);
}

/** The hub's organisations by USCC, so a file may point at them without a ref of its own. */
async function hubRefBook(db: Db, hub: Scope['hub']): Promise<RefBook> {
  const hubId = hub.id;
  const book = emptyRefBook(hub.districts.map((d) => d.code));
  const rows = await db
    .select({ id: organizations.id, uscc: organizations.uscc, kind: organizations.kind, foundedOn: organizations.foundedOn })
    .from(organizations)
    .where(eq(organizations.hubId, hubId));
  for (const r of rows) book.usccs.set(r.uscc, { id: r.id, kind: r.kind, foundedOn: r.foundedOn, seq: -1 });
  return book;
}

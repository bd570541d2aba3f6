import { sql, type SQL } from 'drizzle-orm';
import type { TableCounts } from '../../../../contracts/ecosystem-exchange.js';
import type { Tx } from '../../../db/connection.js';
import type { Checked, FactValues, OrgValues, PersonValues, RelationValues } from './import-rows.js';

type Valid = Extract<Checked, { ok: true }>;
type Db = Pick<Tx, 'execute'>;

/**
 * Batched multi-row inserts: one `INSERT ... SELECT FROM unnest(...)` per table and batch,
 * one parameter per column whatever the batch size (a VALUES list would need one per cell
 * and stop at 65,535). Relations and facts point at organisations and people, so those
 * are flushed first whenever a relation or fact batch goes out. One batch is in the
 * database while the caller reads and checks the next, so parsing and inserting overlap
 * (two processes, two cores) and memory holds at most two batches.
 */
export function batchWriter(tx: Db, hubId: string, batchSize = 5_000) {
  const pending = { organizations: [] as OrgValues[], people: [] as PersonValues[], relations: [] as RelationValues[], facts: [] as FactValues[] };
  const written: TableCounts = { organizations: 0, people: 0, relations: 0, facts: 0 };
  let inflight: Promise<void> = Promise.resolve();

  async function flush(table: keyof TableCounts): Promise<void> {
    if (table === 'relations' || table === 'facts') {
      await flush('organizations');
      await flush('people');
    }
    const rows = pending[table];
    if (rows.length === 0) return;
    pending[table] = [];
    await inflight;
    inflight = tx.execute(insertSql[table](hubId, rows as never)).then(() => {
      written[table] += rows.length;
    });
    // Handled here so a failure waits for the next flush or finish to be thrown, not the process.
    inflight.catch(() => {});
  }

  return {
    written,
    async add(row: Valid): Promise<void> {
      (pending[row.table] as unknown[]).push(row.values);
      if (pending[row.table].length >= batchSize) await flush(row.table);
    },
    async finish(): Promise<TableCounts> {
      for (const table of ['organizations', 'people', 'relations', 'facts'] as const) await flush(table);
      await inflight;
      return written;
    },
  };
}

const col = <T, K extends keyof T>(rows: T[], key: K) => sql.param(rows.map((r) => r[key]));
/** text[] values travel as array literals; enum-checked words need no quoting, but quote anyway. */
const arrayLiterals = (lists: string[][]) => sql.param(lists.map((l) => `{${l.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`));

export const insertSql: { [K in keyof TableCounts]: (hubId: string, rows: never[]) => SQL } = {
  organizations: (hubId, rows: OrgValues[]) => sql`
    INSERT INTO organizations (hub_id, id, kind, name_zh, name_en, uscc, founded_on, sectors, headcount, website, district)
    SELECT ${hubId}::uuid, t.id, t.kind, t.name_zh, t.name_en, t.uscc, t.founded_on, t.sectors::text[], t.headcount, t.website, t.district
    FROM unnest(${col(rows, 'id')}::uuid[], ${col(rows, 'kind')}::text[], ${col(rows, 'nameZh')}::text[], ${col(rows, 'nameEn')}::text[],
                ${col(rows, 'uscc')}::text[], ${col(rows, 'foundedOn')}::date[], ${arrayLiterals(rows.map((r) => r.sectors))}::text[],
                ${col(rows, 'headcount')}::int[], ${col(rows, 'website')}::text[], ${col(rows, 'district')}::text[])
      AS t(id, kind, name_zh, name_en, uscc, founded_on, sectors, headcount, website, district)`,
  people: (hubId, rows: PersonValues[]) => sql`
    INSERT INTO people (hub_id, id, name_zh, name_en, roles, born_on, talent_tier)
    SELECT ${hubId}::uuid, t.id, t.name_zh, t.name_en, t.roles::text[], t.born_on, t.talent_tier
    FROM unnest(${col(rows, 'id')}::uuid[], ${col(rows, 'nameZh')}::text[], ${col(rows, 'nameEn')}::text[],
                ${arrayLiterals(rows.map((r) => r.roles))}::text[], ${col(rows, 'bornOn')}::date[], ${col(rows, 'talentTier')}::text[])
      AS t(id, name_zh, name_en, roles, born_on, talent_tier)`,
  relations: (hubId, rows: RelationValues[]) => sql`
    INSERT INTO relations (hub_id, id, kind, from_person_id, from_organization_id, to_organization_id, starts_on, ends_on, title, degree, round, amount_minor, currency, source_url, source_note)
    SELECT ${hubId}::uuid, t.*
    FROM unnest(${col(rows, 'id')}::uuid[], ${col(rows, 'kind')}::text[], ${col(rows, 'fromPersonId')}::uuid[], ${col(rows, 'fromOrganizationId')}::uuid[],
                ${col(rows, 'toOrganizationId')}::uuid[], ${col(rows, 'startsOn')}::date[], ${col(rows, 'endsOn')}::date[], ${col(rows, 'title')}::text[],
                ${col(rows, 'degree')}::text[], ${col(rows, 'round')}::text[], ${col(rows, 'amountMinor')}::bigint[], ${col(rows, 'currency')}::text[],
                ${col(rows, 'sourceUrl')}::text[], ${col(rows, 'sourceNote')}::text[]) AS t`,
  facts: (hubId, rows: FactValues[]) => sql`
    INSERT INTO organization_facts (hub_id, id, organization_id, metric, as_of, amount_minor, currency, quantity, label, source_url, source_note)
    SELECT ${hubId}::uuid, t.*
    FROM unnest(${col(rows, 'id')}::uuid[], ${col(rows, 'organizationId')}::uuid[], ${col(rows, 'metric')}::text[], ${col(rows, 'asOf')}::date[],
                ${col(rows, 'amountMinor')}::bigint[], ${col(rows, 'currency')}::text[], ${col(rows, 'quantity')}::numeric[], ${col(rows, 'label')}::text[],
                ${col(rows, 'sourceUrl')}::text[], ${col(rows, 'sourceNote')}::text[]) AS t`,
};

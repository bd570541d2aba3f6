import { describe, expect, it } from 'vitest';
import { forShards } from './migrate-distributed.js';

describe('forShards: DDL that Citus can send on to shards', () => {
  it('drops the table qualifier drizzle-kit writes in CHECK constraints and partial-index predicates', () => {
    expect(
      forShards(
        `ALTER TABLE "organization_facts" ADD CONSTRAINT "organization_facts_metric_check" CHECK ("organization_facts"."metric" IN ('headcount','valuation'));`,
      ),
    ).toBe(`ALTER TABLE "organization_facts" ADD CONSTRAINT "organization_facts_metric_check" CHECK ("metric" IN ('headcount','valuation'));`);
    expect(
      forShards(
        `CREATE UNIQUE INDEX "ledger_transfers_void_once_idx" ON "ledger_transfers" USING btree ("hub_id","pending_id") WHERE "ledger_transfers"."kind" = 'void_pending';`,
      ),
    ).toBe(`CREATE UNIQUE INDEX "ledger_transfers_void_once_idx" ON "ledger_transfers" USING btree ("hub_id","pending_id") WHERE "kind" = 'void_pending';`);
  });

  it('leaves everything else as written, a self-referencing foreign key included', () => {
    const fk = `ALTER TABLE "ledger_transfers" ADD CONSTRAINT "ledger_transfers_pending_fk" FOREIGN KEY ("hub_id","pending_id") REFERENCES "public"."ledger_transfers"("hub_id","id") ON DELETE no action ON UPDATE no action;`;
    expect(forShards(fk)).toBe(fk);
    const create = `CREATE TABLE "t" ("hub_id" uuid NOT NULL, CONSTRAINT "t_check" CHECK ("t"."x" > 0));`;
    expect(forShards(create)).toBe(create);
  });
});

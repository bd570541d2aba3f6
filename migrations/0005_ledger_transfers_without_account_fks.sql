ALTER TABLE "ledger_transfers" DROP CONSTRAINT "ledger_transfers_debit_fk";
--> statement-breakpoint
ALTER TABLE "ledger_transfers" DROP CONSTRAINT "ledger_transfers_credit_fk";

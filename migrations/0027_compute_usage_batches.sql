ALTER TABLE "compute_usage" ADD COLUMN "batch_id" uuid;--> statement-breakpoint
ALTER TABLE "compute_usage" ADD COLUMN "transfer_id" uuid;--> statement-breakpoint
UPDATE "compute_usage" SET "transfer_id" = "id" WHERE "voucher_paid" <> 0;
-- Records reported before batches paid one by one, each under its own id as the transfer id.

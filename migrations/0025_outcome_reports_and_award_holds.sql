ALTER TABLE "award_tranches" DROP CONSTRAINT "award_tranches_status_check";--> statement-breakpoint
ALTER TABLE "application_transitions" ADD COLUMN "amount" bigint;--> statement-breakpoint
ALTER TABLE "obligation_reports" ADD COLUMN "figures" jsonb;--> statement-breakpoint
ALTER TABLE "award_tranches" ADD CONSTRAINT "award_tranches_status_check" CHECK ("award_tranches"."status" IN ('waiting','held','paid','cancelled'));
ALTER TABLE "milestone_reports" ADD COLUMN "attachments" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "obligation_reports" ADD COLUMN "attachments" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "milestone_reports" ADD CONSTRAINT "milestone_reports_attachments_check" CHECK (cardinality("milestone_reports"."attachments") <= 10);--> statement-breakpoint
ALTER TABLE "obligation_reports" ADD CONSTRAINT "obligation_reports_attachments_check" CHECK (cardinality("obligation_reports"."attachments") <= 10);
-- Closing a year with carry_forward commits the unpaid rest of each commitment again in the
-- next year; the released commitment names that one, so its holders pay from it (issue: carried
-- awards stranded). At most one successor each, and only a released commitment has one.
ALTER TABLE "commitments" ADD COLUMN "carried_to" uuid;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_carried_to_fk" FOREIGN KEY ("hub_id","carried_to") REFERENCES "public"."commitments"("hub_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_carried_to_key" UNIQUE("hub_id","carried_to");--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_carried_check" CHECK ("commitments"."carried_to" IS NULL OR "commitments"."released");
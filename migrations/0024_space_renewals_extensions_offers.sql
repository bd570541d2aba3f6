ALTER TABLE "space_leases" ADD COLUMN "extension_commitment_id" uuid;--> statement-breakpoint
ALTER TABLE "space_leases" ADD COLUMN "extension_from_month" integer;--> statement-breakpoint
ALTER TABLE "space_leases" ADD COLUMN "renews_id" uuid;--> statement-breakpoint
ALTER TABLE "space_requests" ADD COLUMN "offer_program_id" uuid;--> statement-breakpoint
ALTER TABLE "space_requests" ADD COLUMN "offer_staff" integer;--> statement-breakpoint
CREATE UNIQUE INDEX "space_leases_renews_idx" ON "space_leases" USING btree ("hub_id","renews_id") WHERE "space_leases"."renews_id" IS NOT NULL AND "space_leases"."status" <> 'ended';
CREATE TABLE "talent_identity_claims" (
	"hub_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "talent_identity_claims_hub_id_id_pk" PRIMARY KEY("hub_id","id"),
	CONSTRAINT "talent_identity_claims_status_check" CHECK ("talent_identity_claims"."status" IN ('pending','approved','rejected'))
);
--> statement-breakpoint
ALTER TABLE "talent_identity_claims" ADD CONSTRAINT "talent_identity_claims_hub_id_hubs_id_fk" FOREIGN KEY ("hub_id") REFERENCES "public"."hubs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "talent_identity_claims_open_idx" ON "talent_identity_claims" USING btree ("hub_id","user_id","person_id") WHERE "talent_identity_claims"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "talent_identity_claims_status_idx" ON "talent_identity_claims" USING btree ("hub_id","status","id");
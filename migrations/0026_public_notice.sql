CREATE TABLE "notice_objections" (
	"hub_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"notice_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"contact_sealed" text NOT NULL,
	"reason" text NOT NULL,
	"address_digest" text NOT NULL,
	"evidence_name" text,
	"evidence_type" text,
	"evidence" "bytea",
	"status" text DEFAULT 'open' NOT NULL,
	"resolution" text,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notice_objections_hub_id_id_pk" PRIMARY KEY("hub_id","id"),
	CONSTRAINT "notice_objections_status_check" CHECK ("notice_objections"."status" IN ('open','upheld','dismissed','moot')),
	CONSTRAINT "notice_objections_resolved_check" CHECK (("notice_objections"."status" = 'open') = ("notice_objections"."resolved_at" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "public_notices" (
	"hub_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "public_notices_hub_id_id_pk" PRIMARY KEY("hub_id","id"),
	CONSTRAINT "public_notices_status_check" CHECK ("public_notices"."status" IN ('open','reopened')),
	CONSTRAINT "public_notices_period_check" CHECK ("public_notices"."starts_on" <= "public_notices"."ends_on")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "notice_objections_once_idx" ON "notice_objections" USING btree ("hub_id","notice_id","address_digest") WHERE "notice_objections"."status" = 'open';--> statement-breakpoint
CREATE INDEX "notice_objections_address_idx" ON "notice_objections" USING btree ("hub_id","address_digest","created_at");--> statement-breakpoint
CREATE INDEX "notice_objections_notice_idx" ON "notice_objections" USING btree ("hub_id","notice_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "public_notices_open_idx" ON "public_notices" USING btree ("hub_id","application_id") WHERE "public_notices"."status" = 'open';--> statement-breakpoint
CREATE INDEX "public_notices_board_idx" ON "public_notices" USING btree ("hub_id","starts_on","id");
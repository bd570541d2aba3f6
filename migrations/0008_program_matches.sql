CREATE TABLE "notifications" (
	"hub_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"payload" jsonb NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_hub_id_id_pk" PRIMARY KEY("hub_id","id")
);
--> statement-breakpoint
CREATE TABLE "program_matches" (
	"hub_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"applicant_type" text NOT NULL,
	"applicant_id" uuid NOT NULL,
	"program_version" integer NOT NULL,
	"reasons" jsonb NOT NULL,
	"applied" boolean DEFAULT false NOT NULL,
	"matched_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_matches_hub_id_program_id_applicant_type_applicant_id_pk" PRIMARY KEY("hub_id","program_id","applicant_type","applicant_id"),
	CONSTRAINT "program_matches_type_check" CHECK ("program_matches"."applicant_type" IN ('organization','person'))
);
--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("hub_id","user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_once_idx" ON "notifications" USING btree ("hub_id","user_id","kind","subject_id");--> statement-breakpoint
CREATE INDEX "program_matches_applicant_idx" ON "program_matches" USING btree ("hub_id","applicant_type","applicant_id");
CREATE TABLE "applications" (
	"hub_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"program_version" integer NOT NULL,
	"applicant_type" text NOT NULL,
	"organization_id" uuid,
	"person_id" uuid,
	"submitted_by" uuid NOT NULL,
	"status" text NOT NULL,
	"answers" jsonb NOT NULL,
	"screening" jsonb NOT NULL,
	"benefit" jsonb,
	"amount" bigint,
	"claim_key" text,
	"once_key" text,
	"commitment_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_hub_id_id_pk" PRIMARY KEY("hub_id","id"),
	CONSTRAINT "applications_status_check" CHECK ("applications"."status" IN ('refused','approved','submitted')),
	CONSTRAINT "applications_applicant_check" CHECK (num_nonnulls("applications"."organization_id", "applications"."person_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "program_versions" (
	"hub_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"rules" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_versions_hub_id_program_id_version_pk" PRIMARY KEY("hub_id","program_id","version")
);
--> statement-breakpoint
CREATE TABLE "programs" (
	"hub_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"description_zh" text NOT NULL,
	"description_en" text NOT NULL,
	"sectors" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"fiscal_year" integer NOT NULL,
	"budget_line" text NOT NULL,
	"claim_field" text,
	"one_per_applicant" text DEFAULT 'yes' NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programs_hub_id_id_pk" PRIMARY KEY("hub_id","id"),
	CONSTRAINT "programs_status_check" CHECK ("programs"."status" IN ('draft','published','closed')),
	CONSTRAINT "programs_window_check" CHECK ("programs"."opens_on" <= "programs"."closes_on"),
	CONSTRAINT "programs_once_check" CHECK ("programs"."one_per_applicant" IN ('yes','no'))
);
--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "user_id" uuid;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_program_fk" FOREIGN KEY ("hub_id","program_id") REFERENCES "public"."programs"("hub_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_versions" ADD CONSTRAINT "program_versions_program_fk" FOREIGN KEY ("hub_id","program_id") REFERENCES "public"."programs"("hub_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_hub_id_hubs_id_fk" FOREIGN KEY ("hub_id") REFERENCES "public"."hubs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "applications_once_idx" ON "applications" USING btree ("hub_id","program_id","once_key");--> statement-breakpoint
CREATE INDEX "applications_program_idx" ON "applications" USING btree ("hub_id","program_id","created_at");--> statement-breakpoint
CREATE INDEX "applications_org_idx" ON "applications" USING btree ("hub_id","organization_id");--> statement-breakpoint
CREATE INDEX "applications_person_idx" ON "applications" USING btree ("hub_id","person_id");--> statement-breakpoint
CREATE INDEX "applications_claim_idx" ON "applications" USING btree ("hub_id","claim_key");--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_hub_user_key" UNIQUE("hub_id","user_id");
CREATE TABLE "saved_simulations" (
	"hub_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"program_version" integer NOT NULL,
	"same_rules" boolean NOT NULL,
	"rules" jsonb NOT NULL,
	"assumed_answers" jsonb NOT NULL,
	"take_up_basis_points" integer NOT NULL,
	"result" jsonb NOT NULL,
	"run_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "saved_simulations_hub_id_id_pk" PRIMARY KEY("hub_id","id")
);
--> statement-breakpoint
ALTER TABLE "saved_simulations" ADD CONSTRAINT "saved_simulations_version_fk" FOREIGN KEY ("hub_id","program_id","program_version") REFERENCES "public"."program_versions"("hub_id","program_id","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "saved_simulations_program_idx" ON "saved_simulations" USING btree ("hub_id","program_id","id");
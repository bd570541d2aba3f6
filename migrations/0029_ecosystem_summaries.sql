CREATE TABLE "ecosystem_summaries" (
	"hub_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"version" bigint NOT NULL,
	"body" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ecosystem_summaries_hub_id_kind_pk" PRIMARY KEY("hub_id","kind")
);
--> statement-breakpoint
CREATE TABLE "ecosystem_versions" (
	"hub_id" uuid PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL
);

CREATE TABLE "audit_events_archive" (
	"hub_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	"hash_alg" text NOT NULL,
	"archived_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_events_archive_hub_id_seq_pk" PRIMARY KEY("hub_id","seq")
);
--> statement-breakpoint
CREATE TABLE "audit_forward_cursors" (
	"hub_id" uuid NOT NULL,
	"sink" text NOT NULL,
	"seq" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_forward_cursors_hub_id_sink_pk" PRIMARY KEY("hub_id","sink")
);

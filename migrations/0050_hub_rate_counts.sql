CREATE TABLE "hub_rate_counts" (
	"hub_id" uuid NOT NULL,
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "hub_rate_counts_hub_id_key_pk" PRIMARY KEY("hub_id","key")
);
--> statement-breakpoint
ALTER TABLE "hub_rate_counts" ADD CONSTRAINT "hub_rate_counts_hub_id_hubs_id_fk" FOREIGN KEY ("hub_id") REFERENCES "public"."hubs"("id") ON DELETE no action ON UPDATE no action;
CREATE TABLE "criterion_misses" (
	"hub_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"criterion" text NOT NULL,
	"fact" text NOT NULL,
	"op" text NOT NULL,
	"value" numeric NOT NULL,
	"threshold" numeric NOT NULL,
	"relative" double precision,
	CONSTRAINT "criterion_misses_hub_id_application_id_criterion_pk" PRIMARY KEY("hub_id","application_id","criterion")
);
--> statement-breakpoint
ALTER TABLE "criterion_misses" ADD CONSTRAINT "criterion_misses_application_fk" FOREIGN KEY ("hub_id","application_id") REFERENCES "public"."applications"("hub_id","id") ON DELETE no action ON UPDATE no action;
CREATE TABLE "stay_beds" (
	"hub_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"station_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"label" text NOT NULL,
	CONSTRAINT "stay_beds_hub_id_id_pk" PRIMARY KEY("hub_id","id")
);
--> statement-breakpoint
CREATE TABLE "stay_blackouts" (
	"hub_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"station_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "stay_blackouts_hub_id_id_pk" PRIMARY KEY("hub_id","id"),
	CONSTRAINT "stay_blackouts_range_check" CHECK ("stay_blackouts"."starts_on" < "stay_blackouts"."ends_on")
);
--> statement-breakpoint
CREATE TABLE "stay_bookings" (
	"hub_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"station_id" uuid NOT NULL,
	"bed_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"check_in" date NOT NULL,
	"check_out" date NOT NULL,
	"status" text DEFAULT 'confirmed' NOT NULL,
	"code" text NOT NULL,
	"replaces_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"checked_in_at" timestamp with time zone,
	"checked_out_at" timestamp with time zone,
	CONSTRAINT "stay_bookings_hub_id_id_pk" PRIMARY KEY("hub_id","id"),
	CONSTRAINT "stay_bookings_range_check" CHECK ("stay_bookings"."check_in" < "stay_bookings"."check_out"),
	CONSTRAINT "stay_bookings_status_check" CHECK ("stay_bookings"."status" IN ('offered','confirmed','checked_in','checked_out','cancelled','changed','no_show','declined'))
);
--> statement-breakpoint
CREATE TABLE "stay_rooms" (
	"hub_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"station_id" uuid NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "stay_rooms_hub_id_id_pk" PRIMARY KEY("hub_id","id")
);
--> statement-breakpoint
CREATE TABLE "stay_station_managers" (
	"hub_id" uuid NOT NULL,
	"station_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "stay_station_managers_hub_id_station_id_user_id_pk" PRIMARY KEY("hub_id","station_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "stay_stations" (
	"hub_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"address_zh" text NOT NULL,
	"address_en" text NOT NULL,
	"district" text NOT NULL,
	"photos" text[] DEFAULT '{}'::text[] NOT NULL,
	"max_nights_per_stay" integer DEFAULT 6 NOT NULL,
	"max_nights_per_year" integer,
	"max_nights_lifetime" integer,
	"min_degree" text DEFAULT 'junior_college' NOT NULL,
	"graduated_within_months" integer DEFAULT 24 NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date,
	"no_show_hour" integer DEFAULT 22 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stay_stations_hub_id_id_pk" PRIMARY KEY("hub_id","id"),
	CONSTRAINT "stay_stations_nights_check" CHECK ("stay_stations"."max_nights_per_stay" BETWEEN 1 AND 90),
	CONSTRAINT "stay_stations_hour_check" CHECK ("stay_stations"."no_show_hour" BETWEEN 0 AND 23),
	CONSTRAINT "stay_stations_degree_check" CHECK ("stay_stations"."min_degree" IN ('junior_college','bachelor','master','doctorate'))
);
--> statement-breakpoint
CREATE TABLE "stay_waitlist" (
	"hub_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"station_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"offered_bed_id" uuid,
	"offer_expires_at" timestamp with time zone,
	"booking_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stay_waitlist_hub_id_id_pk" PRIMARY KEY("hub_id","id"),
	CONSTRAINT "stay_waitlist_range_check" CHECK ("stay_waitlist"."starts_on" < "stay_waitlist"."ends_on"),
	CONSTRAINT "stay_waitlist_status_check" CHECK ("stay_waitlist"."status" IN ('waiting','offered','booked','expired','left'))
);
--> statement-breakpoint
CREATE TABLE "talent_assessments" (
	"hub_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"tier" text NOT NULL,
	"decision" text NOT NULL,
	"conditions" text[] NOT NULL,
	"evidence" text[] DEFAULT '{}'::text[] NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date NOT NULL,
	"officer_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "talent_assessments_hub_id_id_pk" PRIMARY KEY("hub_id","id"),
	CONSTRAINT "talent_assessments_tier_check" CHECK ("talent_assessments"."tier" IN ('A','B','C','D','E')),
	CONSTRAINT "talent_assessments_decision_check" CHECK ("talent_assessments"."decision" IN ('granted','refused')),
	CONSTRAINT "talent_assessments_validity_check" CHECK ("talent_assessments"."valid_from" <= "talent_assessments"."valid_until")
);
--> statement-breakpoint
CREATE TABLE "talent_cards" (
	"hub_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"tier" text NOT NULL,
	"expires_on" date NOT NULL,
	"kid" text NOT NULL,
	"token" text NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "talent_cards_hub_id_id_pk" PRIMARY KEY("hub_id","id")
);
--> statement-breakpoint
CREATE TABLE "talent_catalogue" (
	"hub_id" uuid NOT NULL,
	"tier" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"conditions" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "talent_catalogue_hub_id_tier_pk" PRIMARY KEY("hub_id","tier"),
	CONSTRAINT "talent_catalogue_tier_check" CHECK ("talent_catalogue"."tier" IN ('A','B','C','D','E'))
);
--> statement-breakpoint
CREATE TABLE "talent_degrees" (
	"hub_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"university" text NOT NULL,
	"level" text NOT NULL,
	"graduates_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "talent_degrees_hub_id_id_pk" PRIMARY KEY("hub_id","id"),
	CONSTRAINT "talent_degrees_level_check" CHECK ("talent_degrees"."level" IN ('junior_college','bachelor','master','doctorate'))
);
--> statement-breakpoint
CREATE TABLE "talent_profiles" (
	"hub_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"employer" text,
	"evidence" text[] DEFAULT '{}'::text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "talent_profiles_hub_id_person_id_pk" PRIMARY KEY("hub_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "talent_signing_keys" (
	"hub_id" uuid NOT NULL,
	"kid" text NOT NULL,
	"public_key" text NOT NULL,
	"private_key_cipher" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone,
	CONSTRAINT "talent_signing_keys_hub_id_kid_pk" PRIMARY KEY("hub_id","kid")
);
--> statement-breakpoint
ALTER TABLE "stay_beds" ADD CONSTRAINT "stay_beds_room_fk" FOREIGN KEY ("hub_id","room_id") REFERENCES "public"."stay_rooms"("hub_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stay_beds" ADD CONSTRAINT "stay_beds_station_fk" FOREIGN KEY ("hub_id","station_id") REFERENCES "public"."stay_stations"("hub_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stay_blackouts" ADD CONSTRAINT "stay_blackouts_station_fk" FOREIGN KEY ("hub_id","station_id") REFERENCES "public"."stay_stations"("hub_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stay_bookings" ADD CONSTRAINT "stay_bookings_bed_fk" FOREIGN KEY ("hub_id","bed_id") REFERENCES "public"."stay_beds"("hub_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stay_rooms" ADD CONSTRAINT "stay_rooms_station_fk" FOREIGN KEY ("hub_id","station_id") REFERENCES "public"."stay_stations"("hub_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stay_station_managers" ADD CONSTRAINT "stay_station_managers_station_fk" FOREIGN KEY ("hub_id","station_id") REFERENCES "public"."stay_stations"("hub_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stay_stations" ADD CONSTRAINT "stay_stations_hub_id_hubs_id_fk" FOREIGN KEY ("hub_id") REFERENCES "public"."hubs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stay_waitlist" ADD CONSTRAINT "stay_waitlist_station_fk" FOREIGN KEY ("hub_id","station_id") REFERENCES "public"."stay_stations"("hub_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_degrees" ADD CONSTRAINT "talent_degrees_hub_id_hubs_id_fk" FOREIGN KEY ("hub_id") REFERENCES "public"."hubs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stay_beds_station_idx" ON "stay_beds" USING btree ("hub_id","station_id");--> statement-breakpoint
CREATE INDEX "stay_blackouts_station_idx" ON "stay_blackouts" USING btree ("hub_id","station_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stay_bookings_code_idx" ON "stay_bookings" USING btree ("hub_id","code");--> statement-breakpoint
CREATE INDEX "stay_bookings_person_idx" ON "stay_bookings" USING btree ("hub_id","person_id");--> statement-breakpoint
CREATE INDEX "stay_bookings_station_idx" ON "stay_bookings" USING btree ("hub_id","station_id","check_in");--> statement-breakpoint
CREATE INDEX "stay_station_managers_user_idx" ON "stay_station_managers" USING btree ("hub_id","user_id");--> statement-breakpoint
CREATE INDEX "stay_waitlist_station_idx" ON "stay_waitlist" USING btree ("hub_id","station_id","status","created_at");--> statement-breakpoint
CREATE INDEX "stay_waitlist_person_idx" ON "stay_waitlist" USING btree ("hub_id","person_id");--> statement-breakpoint
CREATE INDEX "talent_assessments_person_idx" ON "talent_assessments" USING btree ("hub_id","person_id","created_at");--> statement-breakpoint
CREATE INDEX "talent_cards_person_idx" ON "talent_cards" USING btree ("hub_id","person_id");--> statement-breakpoint
CREATE INDEX "talent_cards_assessment_idx" ON "talent_cards" USING btree ("hub_id","assessment_id");--> statement-breakpoint
CREATE INDEX "talent_degrees_person_idx" ON "talent_degrees" USING btree ("hub_id","person_id");
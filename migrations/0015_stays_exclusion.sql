-- A bed is never booked twice for one night, and a person never holds two overlapping
-- stays: both guarded by the database, whatever the concurrency (btree_gist: 0001).
ALTER TABLE "stay_bookings" ADD CONSTRAINT "stay_bookings_bed_excl"
  EXCLUDE USING gist ("hub_id" WITH =, "bed_id" WITH =, daterange("check_in", "check_out") WITH &&)
  WHERE ("status" IN ('offered', 'confirmed', 'checked_in'));
--> statement-breakpoint
ALTER TABLE "stay_bookings" ADD CONSTRAINT "stay_bookings_person_excl"
  EXCLUDE USING gist ("hub_id" WITH =, "person_id" WITH =, daterange("check_in", "check_out") WITH &&)
  WHERE ("status" IN ('offered', 'confirmed', 'checked_in'));
--> statement-breakpoint
-- Availability search: active bookings of a station by night range.
CREATE INDEX "stay_bookings_station_nights_idx" ON "stay_bookings" USING gist ("hub_id", "station_id", daterange("check_in", "check_out"))
  WHERE ("status" IN ('offered', 'confirmed', 'checked_in'));

-- Space taken is guarded by the database (btree_gist: 0001). A claim row is either a node
-- taken whole (claim = unbounded) or a node above one taken (claim = a one-point range of
-- its own from space_claim_points). Two active claims on one node clash when their days
-- overlap and their claims overlap: a whole claim overlaps every claim, two claims "below
-- is taken" never do. So a building or floor taken whole clashes with any unit inside it,
-- two units of one building do not, and one unit is never held or leased twice.
CREATE SEQUENCE "space_claim_points";
--> statement-breakpoint
ALTER TABLE "space_claims" ADD CONSTRAINT "space_claims_excl"
  EXCLUDE USING gist ("hub_id" WITH =, "node_id" WITH =, daterange("starts_on", "ends_on") WITH &&, "claim" WITH &&)
  WHERE ("active");
--> statement-breakpoint
-- Availability and occupancy: whole claims of a hub by days.
CREATE INDEX "space_claims_days_idx" ON "space_claims" USING gist ("hub_id", daterange("starts_on", "ends_on"))
  WHERE ("active" AND "whole");

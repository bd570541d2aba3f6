-- Trigram indexes for partial-name search; GiST on scalar types for exclusion constraints
-- on ranges (bookings, holds, reservations). Both ship with PostgreSQL (contrib).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gist;

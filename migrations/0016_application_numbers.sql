CREATE TABLE "application_counters" (
	"hub_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "application_counters_hub_id_year_pk" PRIMARY KEY("hub_id","year"),
	CONSTRAINT "application_counters_positive" CHECK ("application_counters"."last_number" > 0)
);
--> statement-breakpoint
ALTER TABLE "hubs" ADD COLUMN "code" text;--> statement-breakpoint
UPDATE "hubs" SET "code" = CASE "slug" WHEN 'hangzhou' THEN 'HZ' WHEN 'shenzhen' THEN 'SZ' WHEN 'beijing' THEN 'BJ' ELSE upper(left("slug", 2)) END;--> statement-breakpoint
ALTER TABLE "hubs" ALTER COLUMN "code" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "number" text;--> statement-breakpoint
-- Applications made before numbers: numbered in the order they came, per hub and local year.
WITH numbered AS (
	SELECT a."hub_id", a."id", extract(year FROM a."created_at" AT TIME ZONE h."time_zone")::int AS "year",
		row_number() OVER (PARTITION BY a."hub_id", extract(year FROM a."created_at" AT TIME ZONE h."time_zone") ORDER BY a."created_at", a."id") AS "n",
		h."code"
	FROM "applications" a JOIN "hubs" h ON h."id" = a."hub_id"
)
UPDATE "applications" a SET "number" = n."code" || '-' || n."year" || '-' || lpad(n."n"::text, 6, '0')
FROM numbered n WHERE a."hub_id" = n."hub_id" AND a."id" = n."id";--> statement-breakpoint
INSERT INTO "application_counters" ("hub_id", "year", "last_number")
SELECT a."hub_id", extract(year FROM a."created_at" AT TIME ZONE h."time_zone")::int, count(*)
FROM "applications" a JOIN "hubs" h ON h."id" = a."hub_id" GROUP BY 1, 2;--> statement-breakpoint
ALTER TABLE "applications" ALTER COLUMN "number" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "applications_number_idx" ON "applications" USING btree ("hub_id","number");

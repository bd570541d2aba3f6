ALTER TABLE "hubs" ADD COLUMN "districts" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "district" text;
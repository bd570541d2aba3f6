CREATE TABLE "people" (
	"hub_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"born_on" date,
	"talent_tier" text,
	"resident_id_cipher" text,
	"resident_id_digest" text,
	"resident_id_masked" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "people_hub_id_id_pk" PRIMARY KEY("hub_id","id"),
	CONSTRAINT "people_hub_resident_id_key" UNIQUE("hub_id","resident_id_digest"),
	CONSTRAINT "people_talent_tier_check" CHECK ("people"."talent_tier" IS NULL OR "people"."talent_tier" IN ('A','B','C','D','E'))
);
--> statement-breakpoint
CREATE TABLE "relations" (
	"hub_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_person_id" uuid,
	"from_organization_id" uuid,
	"to_organization_id" uuid NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"title" text,
	"degree" text,
	"round" text,
	"amount_minor" bigint,
	"currency" text,
	"source_url" text,
	"source_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "relations_hub_id_id_pk" PRIMARY KEY("hub_id","id"),
	CONSTRAINT "relations_one_from_check" CHECK (num_nonnulls("relations"."from_person_id", "relations"."from_organization_id") = 1),
	CONSTRAINT "relations_dates_check" CHECK ("relations"."ends_on" IS NULL OR "relations"."starts_on" IS NULL OR "relations"."ends_on" >= "relations"."starts_on"),
	CONSTRAINT "relations_kind_check" CHECK ("relations"."kind" IN ('founded','works_at','alumnus_of','invested_in','partners_with','supplies_to','spun_out_of')),
	CONSTRAINT "relations_amount_check" CHECK (("relations"."amount_minor" IS NULL) = ("relations"."currency" IS NULL) AND ("relations"."amount_minor" IS NULL OR "relations"."amount_minor" >= 0)),
	CONSTRAINT "relations_source_check" CHECK ("relations"."source_url" IS NOT NULL OR "relations"."source_note" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "dragon_rules" (
	"hub_id" uuid PRIMARY KEY NOT NULL,
	"rule" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organization_facts" (
	"hub_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"as_of" date NOT NULL,
	"amount_minor" bigint,
	"currency" text,
	"quantity" numeric(19, 4),
	"label" text,
	"source_url" text,
	"source_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organization_facts_hub_id_id_pk" PRIMARY KEY("hub_id","id"),
	CONSTRAINT "organization_facts_value_check" CHECK (("organization_facts"."amount_minor" IS NOT NULL AND "organization_facts"."currency" IS NOT NULL AND "organization_facts"."quantity" IS NULL) OR ("organization_facts"."amount_minor" IS NULL AND "organization_facts"."currency" IS NULL AND "organization_facts"."quantity" IS NOT NULL)),
	CONSTRAINT "organization_facts_metric_check" CHECK ("organization_facts"."metric" IN ('headcount','valuation','revenue','funding_raised','market_share'))
);
--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_hub_id_hubs_id_fk" FOREIGN KEY ("hub_id") REFERENCES "public"."hubs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relations" ADD CONSTRAINT "relations_from_person_fk" FOREIGN KEY ("hub_id","from_person_id") REFERENCES "public"."people"("hub_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relations" ADD CONSTRAINT "relations_from_org_fk" FOREIGN KEY ("hub_id","from_organization_id") REFERENCES "public"."organizations"("hub_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relations" ADD CONSTRAINT "relations_to_org_fk" FOREIGN KEY ("hub_id","to_organization_id") REFERENCES "public"."organizations"("hub_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_facts" ADD CONSTRAINT "organization_facts_org_fk" FOREIGN KEY ("hub_id","organization_id") REFERENCES "public"."organizations"("hub_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "people_hub_name_idx" ON "people" USING btree ("hub_id","name_en","id");--> statement-breakpoint
CREATE INDEX "people_name_en_trgm_idx" ON "people" USING gin ("name_en" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "people_name_zh_trgm_idx" ON "people" USING gin ("name_zh" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "relations_to_idx" ON "relations" USING btree ("hub_id","to_organization_id","kind");--> statement-breakpoint
CREATE INDEX "relations_from_person_idx" ON "relations" USING btree ("hub_id","from_person_id","kind");--> statement-breakpoint
CREATE INDEX "relations_from_org_idx" ON "relations" USING btree ("hub_id","from_organization_id","kind");--> statement-breakpoint
CREATE INDEX "organization_facts_latest_idx" ON "organization_facts" USING btree ("hub_id","organization_id","metric","as_of");--> statement-breakpoint
CREATE INDEX "organizations_name_en_trgm_idx" ON "organizations" USING gin ("name_en" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "organizations_name_zh_trgm_idx" ON "organizations" USING gin ("name_zh" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "organizations_sectors_idx" ON "organizations" USING gin ("sectors");
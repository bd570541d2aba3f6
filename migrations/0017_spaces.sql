CREATE TABLE "space_claims" (
	"hub_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"holder_kind" text NOT NULL,
	"holder_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	"whole" boolean NOT NULL,
	"claim" "int8range" NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "space_claims_hub_id_id_pk" PRIMARY KEY("hub_id","id"),
	CONSTRAINT "space_claims_range_check" CHECK ("space_claims"."starts_on" < "space_claims"."ends_on"),
	CONSTRAINT "space_claims_kind_check" CHECK ("space_claims"."holder_kind" IN ('hold','lease'))
);
--> statement-breakpoint
CREATE TABLE "space_holds" (
	"hub_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"ref" text NOT NULL,
	"organization_id" uuid NOT NULL,
	"park_id" uuid NOT NULL,
	"node_ids" uuid[] NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"reason" text NOT NULL,
	"decided_by" text NOT NULL,
	"source" text,
	"status" text DEFAULT 'active' NOT NULL,
	"released_on" date,
	"lease_id" uuid,
	"reminded_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "space_holds_hub_id_id_pk" PRIMARY KEY("hub_id","id"),
	CONSTRAINT "space_holds_range_check" CHECK ("space_holds"."starts_on" < "space_holds"."ends_on"),
	CONSTRAINT "space_holds_status_check" CHECK ("space_holds"."status" IN ('active','released','converted','expired'))
);
--> statement-breakpoint
CREATE TABLE "space_lease_steps" (
	"hub_id" uuid NOT NULL,
	"lease_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"monthly_rent" bigint NOT NULL,
	"monthly_subsidy" bigint NOT NULL,
	CONSTRAINT "space_lease_steps_hub_id_lease_id_seq_pk" PRIMARY KEY("hub_id","lease_id","seq"),
	CONSTRAINT "space_lease_steps_range_check" CHECK ("space_lease_steps"."starts_on" < "space_lease_steps"."ends_on"),
	CONSTRAINT "space_lease_steps_split_check" CHECK ("space_lease_steps"."monthly_subsidy" >= 0 AND "space_lease_steps"."monthly_subsidy" <= "space_lease_steps"."monthly_rent")
);
--> statement-breakpoint
CREATE TABLE "space_leases" (
	"hub_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"ref" text NOT NULL,
	"organization_id" uuid NOT NULL,
	"park_id" uuid NOT NULL,
	"node_ids" uuid[] NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"ended_on" date,
	"end_reason" text,
	"notice_days" integer DEFAULT 90 NOT NULL,
	"staff" integer,
	"area_m2" numeric(12, 2) NOT NULL,
	"program_id" uuid,
	"commitment_id" uuid,
	"subsidy_total" bigint DEFAULT 0 NOT NULL,
	"extension" text DEFAULT 'none' NOT NULL,
	"from_hold_id" uuid,
	"replaces_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "space_leases_hub_id_id_pk" PRIMARY KEY("hub_id","id"),
	CONSTRAINT "space_leases_range_check" CHECK ("space_leases"."starts_on" < "space_leases"."ends_on"),
	CONSTRAINT "space_leases_status_check" CHECK ("space_leases"."status" IN ('active','ended','moved')),
	CONSTRAINT "space_leases_reason_check" CHECK ("space_leases"."end_reason" IS NULL OR "space_leases"."end_reason" IN ('term_over','tenant_left','moved','breach','condition_broken','company_closed','other')),
	CONSTRAINT "space_leases_extension_check" CHECK ("space_leases"."extension" IN ('none','pending','granted','lapsed')),
	CONSTRAINT "space_leases_notice_check" CHECK ("space_leases"."notice_days" BETWEEN 0 AND 730)
);
--> statement-breakpoint
CREATE TABLE "space_nodes" (
	"hub_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"parent_id" uuid,
	"park_id" uuid NOT NULL,
	"ancestors" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"kind" text NOT NULL,
	"unit_kind" text,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"area_m2" numeric(12, 2),
	"seats" integer DEFAULT 0 NOT NULL,
	"features" text[] DEFAULT '{}'::text[] NOT NULL,
	"list_rent" bigint,
	"photos" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "space_nodes_hub_id_id_pk" PRIMARY KEY("hub_id","id"),
	CONSTRAINT "space_nodes_kind_check" CHECK ("space_nodes"."kind" IN ('park','building','floor','unit')),
	CONSTRAINT "space_nodes_unit_check" CHECK (("space_nodes"."kind" = 'unit') = ("space_nodes"."unit_kind" IS NOT NULL AND "space_nodes"."area_m2" IS NOT NULL AND "space_nodes"."list_rent" IS NOT NULL)),
	CONSTRAINT "space_nodes_unit_kind_check" CHECK ("space_nodes"."unit_kind" IS NULL OR "space_nodes"."unit_kind" IN ('office','desk','lab','whole_floor')),
	CONSTRAINT "space_nodes_area_check" CHECK ("space_nodes"."area_m2" IS NULL OR "space_nodes"."area_m2" > 0),
	CONSTRAINT "space_nodes_rent_check" CHECK ("space_nodes"."list_rent" IS NULL OR "space_nodes"."list_rent" >= 0),
	CONSTRAINT "space_nodes_seats_check" CHECK ("space_nodes"."seats" >= 0)
);
--> statement-breakpoint
CREATE TABLE "space_park_operators" (
	"hub_id" uuid NOT NULL,
	"park_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "space_park_operators_hub_id_park_id_user_id_pk" PRIMARY KEY("hub_id","park_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "space_requests" (
	"hub_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"ref" text NOT NULL,
	"organization_id" uuid NOT NULL,
	"park_id" uuid,
	"area_m2" numeric(12, 2),
	"seats" integer,
	"starts_on" date NOT NULL,
	"months" integer NOT NULL,
	"features" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"hold_id" uuid,
	"offer_expires_at" timestamp with time zone,
	"lease_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "space_requests_hub_id_id_pk" PRIMARY KEY("hub_id","id"),
	CONSTRAINT "space_requests_size_check" CHECK (("space_requests"."area_m2" IS NOT NULL AND "space_requests"."area_m2" > 0) OR ("space_requests"."seats" IS NOT NULL AND "space_requests"."seats" > 0)),
	CONSTRAINT "space_requests_months_check" CHECK ("space_requests"."months" BETWEEN 1 AND 120),
	CONSTRAINT "space_requests_status_check" CHECK ("space_requests"."status" IN ('waiting','offered','accepted','declined','expired','withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "space_subsidy_payments" (
	"hub_id" uuid NOT NULL,
	"lease_id" uuid NOT NULL,
	"month" integer NOT NULL,
	"due_on" date NOT NULL,
	"amount" bigint NOT NULL,
	"transfer_id" uuid NOT NULL,
	"paid_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "space_subsidy_payments_hub_id_lease_id_month_pk" PRIMARY KEY("hub_id","lease_id","month"),
	CONSTRAINT "space_subsidy_payments_amount_check" CHECK ("space_subsidy_payments"."amount" > 0)
);
--> statement-breakpoint
ALTER TABLE "space_claims" ADD CONSTRAINT "space_claims_node_fk" FOREIGN KEY ("hub_id","node_id") REFERENCES "public"."space_nodes"("hub_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_lease_steps" ADD CONSTRAINT "space_lease_steps_lease_fk" FOREIGN KEY ("hub_id","lease_id") REFERENCES "public"."space_leases"("hub_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_nodes" ADD CONSTRAINT "space_nodes_hub_id_hubs_id_fk" FOREIGN KEY ("hub_id") REFERENCES "public"."hubs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_nodes" ADD CONSTRAINT "space_nodes_parent_fk" FOREIGN KEY ("hub_id","parent_id") REFERENCES "public"."space_nodes"("hub_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_park_operators" ADD CONSTRAINT "space_park_operators_park_fk" FOREIGN KEY ("hub_id","park_id") REFERENCES "public"."space_nodes"("hub_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_subsidy_payments" ADD CONSTRAINT "space_subsidy_payments_lease_fk" FOREIGN KEY ("hub_id","lease_id") REFERENCES "public"."space_leases"("hub_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "space_claims_holder_idx" ON "space_claims" USING btree ("hub_id","holder_id");--> statement-breakpoint
CREATE UNIQUE INDEX "space_holds_ref_idx" ON "space_holds" USING btree ("hub_id","ref");--> statement-breakpoint
CREATE INDEX "space_holds_org_idx" ON "space_holds" USING btree ("hub_id","organization_id");--> statement-breakpoint
CREATE INDEX "space_holds_park_idx" ON "space_holds" USING btree ("hub_id","park_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "space_leases_ref_idx" ON "space_leases" USING btree ("hub_id","ref");--> statement-breakpoint
CREATE INDEX "space_leases_org_idx" ON "space_leases" USING btree ("hub_id","organization_id");--> statement-breakpoint
CREATE INDEX "space_leases_park_idx" ON "space_leases" USING btree ("hub_id","park_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "space_nodes_code_idx" ON "space_nodes" USING btree ("hub_id","code");--> statement-breakpoint
CREATE INDEX "space_nodes_parent_idx" ON "space_nodes" USING btree ("hub_id","parent_id");--> statement-breakpoint
CREATE INDEX "space_nodes_park_idx" ON "space_nodes" USING btree ("hub_id","park_id","kind");--> statement-breakpoint
CREATE INDEX "space_park_operators_user_idx" ON "space_park_operators" USING btree ("hub_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "space_requests_ref_idx" ON "space_requests" USING btree ("hub_id","ref");--> statement-breakpoint
CREATE INDEX "space_requests_queue_idx" ON "space_requests" USING btree ("hub_id","status","created_at");--> statement-breakpoint
CREATE INDEX "space_requests_org_idx" ON "space_requests" USING btree ("hub_id","organization_id");
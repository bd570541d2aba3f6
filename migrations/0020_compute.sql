CREATE TABLE "compute_firm_years" (
	"hub_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"cap" bigint NOT NULL,
	"paid" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "compute_firm_years_hub_id_organization_id_year_pk" PRIMARY KEY("hub_id","organization_id","year"),
	CONSTRAINT "compute_firm_years_cap_check" CHECK ("compute_firm_years"."paid" >= 0 AND "compute_firm_years"."paid" <= "compute_firm_years"."cap")
);
--> statement-breakpoint
CREATE TABLE "compute_flavors" (
	"hub_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"pool_id" uuid NOT NULL,
	"code" text NOT NULL,
	"model" text NOT NULL,
	"vendor" text NOT NULL,
	"domestic" boolean NOT NULL,
	"gpu_memory_gib" integer NOT NULL,
	"cpu_per_gpu" integer NOT NULL,
	"memory_gib_per_gpu" integer NOT NULL,
	"gpus" integer NOT NULL,
	"price_per_gpu_hour" bigint NOT NULL,
	CONSTRAINT "compute_flavors_hub_id_id_pk" PRIMARY KEY("hub_id","id"),
	CONSTRAINT "compute_flavors_gpus_check" CHECK ("compute_flavors"."gpus" > 0 AND "compute_flavors"."price_per_gpu_hour" > 0)
);
--> statement-breakpoint
CREATE TABLE "compute_pools" (
	"hub_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"region" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "compute_pools_hub_id_id_pk" PRIMARY KEY("hub_id","id")
);
--> statement-breakpoint
CREATE TABLE "compute_queues" (
	"hub_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"cohort" text NOT NULL,
	"weight" double precision DEFAULT 1 NOT NULL,
	CONSTRAINT "compute_queues_hub_id_id_pk" PRIMARY KEY("hub_id","id"),
	CONSTRAINT "compute_queues_weight_check" CHECK ("compute_queues"."weight" > 0)
);
--> statement-breakpoint
CREATE TABLE "compute_quotas" (
	"hub_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"queue_id" uuid NOT NULL,
	"flavor_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"gpu_hours" integer NOT NULL,
	"nominal" integer NOT NULL,
	"borrowing_limit" integer,
	"lending_limit" integer,
	"voucher_id" uuid,
	CONSTRAINT "compute_quotas_hub_id_id_pk" PRIMARY KEY("hub_id","id"),
	CONSTRAINT "compute_quotas_period_check" CHECK ("compute_quotas"."period_start" < "compute_quotas"."period_end")
);
--> statement-breakpoint
CREATE TABLE "compute_requests" (
	"hub_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"reference" text NOT NULL,
	"queue_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"flavor_requested" text NOT NULL,
	"flavor_id" uuid,
	"gpus" integer NOT NULL,
	"cpus" integer NOT NULL,
	"memory_gib" integer NOT NULL,
	"hours" integer NOT NULL,
	"priority" text NOT NULL,
	"earliest_start" timestamp with time zone NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"start_at" timestamp with time zone,
	"end_at" timestamp with time zone,
	"borrowed" boolean DEFAULT false NOT NULL,
	"refusal" text,
	"voucher_id" uuid,
	"voucher_held" bigint DEFAULT 0 NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "compute_requests_hub_id_id_pk" PRIMARY KEY("hub_id","id"),
	CONSTRAINT "compute_requests_status_check" CHECK ("compute_requests"."status" IN ('pending','admitted','preempted','cancelled','refused')),
	CONSTRAINT "compute_requests_held_check" CHECK ("compute_requests"."voucher_held" >= 0)
);
--> statement-breakpoint
CREATE TABLE "compute_slots" (
	"hub_id" uuid NOT NULL,
	"flavor_id" uuid NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"reserved" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "compute_slots_hub_id_flavor_id_hour_pk" PRIMARY KEY("hub_id","flavor_id","hour"),
	CONSTRAINT "compute_slots_reserved_check" CHECK ("compute_slots"."reserved" >= 0 AND "compute_slots"."reserved" <= "compute_slots"."capacity")
);
--> statement-breakpoint
CREATE TABLE "compute_usage" (
	"hub_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"record_id" text NOT NULL,
	"request_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"flavor_id" uuid NOT NULL,
	"gpu_hours" numeric(12, 3) NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone NOT NULL,
	"cost" bigint NOT NULL,
	"corrects_id" uuid,
	"voucher_paid" bigint DEFAULT 0 NOT NULL,
	"outcome" text NOT NULL,
	"code" text,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "compute_usage_hub_id_id_pk" PRIMARY KEY("hub_id","id"),
	CONSTRAINT "compute_usage_range_check" CHECK ("compute_usage"."started_at" < "compute_usage"."ended_at"),
	CONSTRAINT "compute_usage_outcome_check" CHECK ("compute_usage"."outcome" IN ('applied','refused'))
);
--> statement-breakpoint
CREATE TABLE "compute_vouchers" (
	"hub_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"award_id" uuid NOT NULL,
	"commitment_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"domestic_basis_points" integer NOT NULL,
	"other_basis_points" integer NOT NULL,
	"granted" bigint NOT NULL,
	"held" bigint DEFAULT 0 NOT NULL,
	"paid" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "compute_vouchers_hub_id_id_pk" PRIMARY KEY("hub_id","id"),
	CONSTRAINT "compute_vouchers_balance_check" CHECK ("compute_vouchers"."held" >= 0 AND "compute_vouchers"."paid" >= 0 AND "compute_vouchers"."held" + "compute_vouchers"."paid" <= "compute_vouchers"."granted")
);
--> statement-breakpoint
ALTER TABLE "compute_flavors" ADD CONSTRAINT "compute_flavors_pool_fk" FOREIGN KEY ("hub_id","pool_id") REFERENCES "public"."compute_pools"("hub_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compute_pools" ADD CONSTRAINT "compute_pools_hub_id_hubs_id_fk" FOREIGN KEY ("hub_id") REFERENCES "public"."hubs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compute_quotas" ADD CONSTRAINT "compute_quotas_queue_fk" FOREIGN KEY ("hub_id","queue_id") REFERENCES "public"."compute_queues"("hub_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compute_quotas" ADD CONSTRAINT "compute_quotas_flavor_fk" FOREIGN KEY ("hub_id","flavor_id") REFERENCES "public"."compute_flavors"("hub_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compute_requests" ADD CONSTRAINT "compute_requests_queue_fk" FOREIGN KEY ("hub_id","queue_id") REFERENCES "public"."compute_queues"("hub_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compute_slots" ADD CONSTRAINT "compute_slots_flavor_fk" FOREIGN KEY ("hub_id","flavor_id") REFERENCES "public"."compute_flavors"("hub_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "compute_flavors_code_idx" ON "compute_flavors" USING btree ("hub_id","pool_id","code");--> statement-breakpoint
CREATE INDEX "compute_pools_provider_idx" ON "compute_pools" USING btree ("hub_id","provider_id");--> statement-breakpoint
CREATE UNIQUE INDEX "compute_queues_org_idx" ON "compute_queues" USING btree ("hub_id","organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "compute_quotas_period_idx" ON "compute_quotas" USING btree ("hub_id","queue_id","flavor_id","period_start");--> statement-breakpoint
CREATE UNIQUE INDEX "compute_requests_reference_idx" ON "compute_requests" USING btree ("hub_id","reference");--> statement-breakpoint
CREATE INDEX "compute_requests_status_idx" ON "compute_requests" USING btree ("hub_id","status","end_at");--> statement-breakpoint
CREATE INDEX "compute_requests_org_idx" ON "compute_requests" USING btree ("hub_id","organization_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "compute_usage_record_idx" ON "compute_usage" USING btree ("hub_id","provider_id","record_id");--> statement-breakpoint
CREATE UNIQUE INDEX "compute_usage_corrects_idx" ON "compute_usage" USING btree ("hub_id","corrects_id");--> statement-breakpoint
CREATE INDEX "compute_usage_org_idx" ON "compute_usage" USING btree ("hub_id","organization_id","id");--> statement-breakpoint
CREATE INDEX "compute_usage_request_idx" ON "compute_usage" USING btree ("hub_id","request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "compute_vouchers_award_idx" ON "compute_vouchers" USING btree ("hub_id","award_id");
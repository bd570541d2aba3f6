CREATE TABLE "award_obligations" (
	"hub_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"terms" jsonb NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "award_obligations_hub_id_application_id_key_pk" PRIMARY KEY("hub_id","application_id","key"),
	CONSTRAINT "award_obligations_status_check" CHECK ("award_obligations"."status" IN ('open','met','breached')),
	CONSTRAINT "award_obligations_dates_check" CHECK ("award_obligations"."ends_on" > "award_obligations"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "obligation_findings" (
	"hub_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"application_id" uuid NOT NULL,
	"obligation_key" text NOT NULL,
	"fingerprint" text NOT NULL,
	"found_on" date NOT NULL,
	"evidence" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"decided_by" uuid,
	"decision_reason" text,
	"breach_on" date,
	"appeal_until" date,
	"appeal_reason" text,
	"appeal_decided_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "obligation_findings_hub_id_id_pk" PRIMARY KEY("hub_id","id"),
	CONSTRAINT "obligation_findings_status_check" CHECK ("obligation_findings"."status" IN ('open','breach','dismissed','appealed','upheld','overturned'))
);
--> statement-breakpoint
CREATE TABLE "obligation_reports" (
	"hub_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"obligation_key" text NOT NULL,
	"due_on" date NOT NULL,
	"text" text,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"reminded_on" date,
	CONSTRAINT "obligation_reports_hub_id_application_id_obligation_key_due_on_pk" PRIMARY KEY("hub_id","application_id","obligation_key","due_on")
);
--> statement-breakpoint
CREATE TABLE "recoveries" (
	"hub_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"finding_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"amount_due" bigint NOT NULL,
	"repaid" bigint DEFAULT 0 NOT NULL,
	"written_off" bigint DEFAULT 0 NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'due' NOT NULL,
	"write_off_requested_by" uuid,
	"write_off_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recoveries_hub_id_id_pk" PRIMARY KEY("hub_id","id"),
	CONSTRAINT "recoveries_status_check" CHECK ("recoveries"."status" IN ('due','part_repaid','repaid','write_off_requested','written_off','cancelled')),
	CONSTRAINT "recoveries_tally_check" CHECK ("recoveries"."amount_due" > 0 AND "recoveries"."repaid" >= 0 AND "recoveries"."written_off" >= 0 AND "recoveries"."repaid" + "recoveries"."written_off" <= "recoveries"."amount_due")
);
--> statement-breakpoint
CREATE TABLE "recovery_payments" (
	"hub_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"recovery_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"received_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recovery_payments_hub_id_id_pk" PRIMARY KEY("hub_id","id"),
	CONSTRAINT "recovery_payments_amount_check" CHECK ("recovery_payments"."amount" > 0)
);
--> statement-breakpoint
ALTER TABLE "organization_facts" DROP CONSTRAINT "organization_facts_metric_check";--> statement-breakpoint
ALTER TABLE "obligation_findings" ADD CONSTRAINT "obligation_findings_obligation_fk" FOREIGN KEY ("hub_id","application_id","obligation_key") REFERENCES "public"."award_obligations"("hub_id","application_id","key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obligation_reports" ADD CONSTRAINT "obligation_reports_obligation_fk" FOREIGN KEY ("hub_id","application_id","obligation_key") REFERENCES "public"."award_obligations"("hub_id","application_id","key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recoveries" ADD CONSTRAINT "recoveries_finding_fk" FOREIGN KEY ("hub_id","finding_id") REFERENCES "public"."obligation_findings"("hub_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_payments" ADD CONSTRAINT "recovery_payments_recovery_fk" FOREIGN KEY ("hub_id","recovery_id") REFERENCES "public"."recoveries"("hub_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "award_obligations_open_idx" ON "award_obligations" USING btree ("hub_id","ends_on") WHERE "award_obligations"."status" = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "obligation_findings_seq_key" ON "obligation_findings" USING btree ("hub_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "obligation_findings_evidence_key" ON "obligation_findings" USING btree ("hub_id","application_id","obligation_key","fingerprint");--> statement-breakpoint
CREATE INDEX "obligation_findings_status_idx" ON "obligation_findings" USING btree ("hub_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "recoveries_finding_key" ON "recoveries" USING btree ("hub_id","finding_id");--> statement-breakpoint
CREATE INDEX "recoveries_application_idx" ON "recoveries" USING btree ("hub_id","application_id");--> statement-breakpoint
ALTER TABLE "organization_facts" ADD CONSTRAINT "organization_facts_metric_check" CHECK ("organization_facts"."metric" IN ('headcount','valuation','revenue','funding_raised','market_share','registered_in_hub'));
CREATE TABLE "answer_versions" (
	"hub_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"answers" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "answer_versions_hub_id_application_id_version_pk" PRIMARY KEY("hub_id","application_id","version")
);
--> statement-breakpoint
CREATE TABLE "application_decisions" (
	"hub_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"reason" text NOT NULL,
	"decided_by" uuid NOT NULL,
	"amount" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_decisions_hub_id_id_pk" PRIMARY KEY("hub_id","id"),
	CONSTRAINT "application_decisions_outcome_check" CHECK ("application_decisions"."outcome" IN ('approve','reject','return','second_approve','second_reject'))
);
--> statement-breakpoint
CREATE TABLE "application_transitions" (
	"hub_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"event" text NOT NULL,
	"actor_id" uuid,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_transitions_hub_id_id_pk" PRIMARY KEY("hub_id","id")
);
--> statement-breakpoint
CREATE TABLE "review_assignments" (
	"hub_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"status" text NOT NULL,
	"conflict" jsonb,
	"scores" jsonb,
	"total_basis_points" integer,
	"comment" text,
	"recommendation" text,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_assignments_hub_id_application_id_round_reviewer_id_pk" PRIMARY KEY("hub_id","application_id","round","reviewer_id"),
	CONSTRAINT "review_assignments_status_check" CHECK ("review_assignments"."status" IN ('assigned','submitted','conflicted')),
	CONSTRAINT "review_assignments_conflict_check" CHECK (("review_assignments"."status" = 'conflicted') = ("review_assignments"."conflict" IS NOT NULL)),
	CONSTRAINT "review_assignments_review_check" CHECK (("review_assignments"."status" = 'submitted') = ("review_assignments"."scores" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "award_clawbacks" (
	"hub_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"reason" text NOT NULL,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "award_clawbacks_hub_id_id_pk" PRIMARY KEY("hub_id","id"),
	CONSTRAINT "award_clawbacks_amount_check" CHECK ("award_clawbacks"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "award_facts" (
	"hub_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"months" integer NOT NULL,
	"as_of" date NOT NULL,
	"source" text NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "award_facts_hub_id_id_pk" PRIMARY KEY("hub_id","id"),
	CONSTRAINT "award_facts_kind_check" CHECK ("award_facts"."kind" IN ('social_insurance_months')),
	CONSTRAINT "award_facts_months_check" CHECK ("award_facts"."months" >= 0)
);
--> statement-breakpoint
CREATE TABLE "award_tranches" (
	"hub_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"amount" bigint NOT NULL,
	"condition" jsonb,
	"due_on" date,
	"status" text DEFAULT 'waiting' NOT NULL,
	"transfer_id" uuid,
	"paid_at" timestamp with time zone,
	"paid_by" uuid,
	"reason" text,
	CONSTRAINT "award_tranches_hub_id_application_id_seq_pk" PRIMARY KEY("hub_id","application_id","seq"),
	CONSTRAINT "award_tranches_status_check" CHECK ("award_tranches"."status" IN ('waiting','paid','cancelled')),
	CONSTRAINT "award_tranches_amount_check" CHECK ("award_tranches"."amount" >= 0),
	CONSTRAINT "award_tranches_paid_check" CHECK (("award_tranches"."status" = 'paid') = ("award_tranches"."paid_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "milestone_reports" (
	"hub_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"key" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'due' NOT NULL,
	"text" text,
	"kpis" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"reviewed_by" uuid,
	"note" text,
	"reminded_on" date,
	CONSTRAINT "milestone_reports_hub_id_application_id_key_pk" PRIMARY KEY("hub_id","application_id","key"),
	CONSTRAINT "milestone_reports_status_check" CHECK ("milestone_reports"."status" IN ('due','submitted','accepted','returned'))
);
--> statement-breakpoint
ALTER TABLE "applications" DROP CONSTRAINT "applications_status_check";--> statement-breakpoint
CREATE INDEX "application_decisions_app_idx" ON "application_decisions" USING btree ("hub_id","application_id","created_at");--> statement-breakpoint
CREATE INDEX "application_transitions_app_idx" ON "application_transitions" USING btree ("hub_id","application_id","created_at");--> statement-breakpoint
CREATE INDEX "review_assignments_reviewer_idx" ON "review_assignments" USING btree ("hub_id","reviewer_id","status");--> statement-breakpoint
CREATE INDEX "award_clawbacks_app_idx" ON "award_clawbacks" USING btree ("hub_id","application_id");--> statement-breakpoint
CREATE INDEX "award_facts_app_idx" ON "award_facts" USING btree ("hub_id","application_id","kind","as_of");--> statement-breakpoint
CREATE INDEX "award_tranches_waiting_idx" ON "award_tranches" USING btree ("hub_id","application_id") WHERE "award_tranches"."status" = 'waiting';--> statement-breakpoint
CREATE INDEX "milestone_reports_due_idx" ON "milestone_reports" USING btree ("hub_id","due_on") WHERE "milestone_reports"."status" IN ('due','returned');--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_status_check" CHECK ("applications"."status" IN ('refused','approved','submitted','draft','screening','in_review','rejected','returned','awarded','in_payment','closed','withdrawn','appealed'));
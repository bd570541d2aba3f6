CREATE TABLE "commitments" (
	"hub_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"fiscal_year_id" uuid NOT NULL,
	"line_account_id" uuid NOT NULL,
	"award_account_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"posted" bigint DEFAULT 0 NOT NULL,
	"released" boolean DEFAULT false NOT NULL,
	"cause_type" text NOT NULL,
	"cause_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commitments_hub_id_id_pk" PRIMARY KEY("hub_id","id"),
	CONSTRAINT "commitments_posted_check" CHECK ("commitments"."posted" >= 0 AND "commitments"."posted" <= "commitments"."amount")
);
--> statement-breakpoint
CREATE TABLE "fiscal_years" (
	"hub_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"year" integer NOT NULL,
	"revenue_minor" bigint NOT NULL,
	"tech_share_bp" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "fiscal_years_hub_id_id_pk" PRIMARY KEY("hub_id","id"),
	CONSTRAINT "fiscal_years_hub_year_key" UNIQUE("hub_id","year"),
	CONSTRAINT "fiscal_years_share_check" CHECK ("fiscal_years"."tech_share_bp" BETWEEN 1 AND 10000),
	CONSTRAINT "fiscal_years_status_check" CHECK ("fiscal_years"."status" IN ('open','closed'))
);
--> statement-breakpoint
CREATE TABLE "ledger_accounts" (
	"hub_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"fiscal_year_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"debits_pending" bigint DEFAULT 0 NOT NULL,
	"debits_posted" bigint DEFAULT 0 NOT NULL,
	"credits_pending" bigint DEFAULT 0 NOT NULL,
	"credits_posted" bigint DEFAULT 0 NOT NULL,
	"debits_must_not_exceed_credits" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_accounts_hub_id_id_pk" PRIMARY KEY("hub_id","id"),
	CONSTRAINT "ledger_accounts_code_key" UNIQUE("hub_id","fiscal_year_id","code"),
	CONSTRAINT "ledger_accounts_kind_check" CHECK ("ledger_accounts"."kind" IN ('treasury','envelope','budget_line','award')),
	CONSTRAINT "ledger_accounts_nonnegative_check" CHECK ("ledger_accounts"."debits_pending" >= 0 AND "ledger_accounts"."debits_posted" >= 0 AND "ledger_accounts"."credits_pending" >= 0 AND "ledger_accounts"."credits_posted" >= 0),
	CONSTRAINT "ledger_accounts_debit_limit_check" CHECK (NOT "ledger_accounts"."debits_must_not_exceed_credits" OR "ledger_accounts"."debits_pending" + "ledger_accounts"."debits_posted" <= "ledger_accounts"."credits_posted")
);
--> statement-breakpoint
CREATE TABLE "ledger_transfers" (
	"hub_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"fiscal_year_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"debit_account_id" uuid NOT NULL,
	"credit_account_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"pending_id" uuid,
	"reason" text NOT NULL,
	"cause_type" text,
	"cause_id" text,
	"note" text,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_transfers_hub_id_id_pk" PRIMARY KEY("hub_id","id"),
	CONSTRAINT "ledger_transfers_amount_check" CHECK ("ledger_transfers"."amount" > 0),
	CONSTRAINT "ledger_transfers_distinct_check" CHECK ("ledger_transfers"."debit_account_id" <> "ledger_transfers"."credit_account_id"),
	CONSTRAINT "ledger_transfers_kind_check" CHECK ("ledger_transfers"."kind" IN ('posted','pending','post_pending','void_pending')),
	CONSTRAINT "ledger_transfers_pending_check" CHECK (("ledger_transfers"."kind" IN ('post_pending','void_pending')) = ("ledger_transfers"."pending_id" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_transfer_fk" FOREIGN KEY ("hub_id","id") REFERENCES "public"."ledger_transfers"("hub_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiscal_years" ADD CONSTRAINT "fiscal_years_hub_id_hubs_id_fk" FOREIGN KEY ("hub_id") REFERENCES "public"."hubs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_year_fk" FOREIGN KEY ("hub_id","fiscal_year_id") REFERENCES "public"."fiscal_years"("hub_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_transfers" ADD CONSTRAINT "ledger_transfers_debit_fk" FOREIGN KEY ("hub_id","debit_account_id") REFERENCES "public"."ledger_accounts"("hub_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_transfers" ADD CONSTRAINT "ledger_transfers_credit_fk" FOREIGN KEY ("hub_id","credit_account_id") REFERENCES "public"."ledger_accounts"("hub_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_transfers" ADD CONSTRAINT "ledger_transfers_pending_fk" FOREIGN KEY ("hub_id","pending_id") REFERENCES "public"."ledger_transfers"("hub_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commitments_cause_idx" ON "commitments" USING btree ("hub_id","cause_type","cause_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_transfers_void_once_idx" ON "ledger_transfers" USING btree ("hub_id","pending_id") WHERE "ledger_transfers"."kind" = 'void_pending';--> statement-breakpoint
CREATE INDEX "ledger_transfers_debit_idx" ON "ledger_transfers" USING btree ("hub_id","debit_account_id","created_at");--> statement-breakpoint
CREATE INDEX "ledger_transfers_credit_idx" ON "ledger_transfers" USING btree ("hub_id","credit_account_id","created_at");--> statement-breakpoint
CREATE INDEX "ledger_transfers_year_idx" ON "ledger_transfers" USING btree ("hub_id","fiscal_year_id","created_at");
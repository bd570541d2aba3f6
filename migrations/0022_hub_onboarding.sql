CREATE TABLE "deployment_operators" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hub_suspensions" (
	"hub_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"suspended_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hub_suspensions_hub_id_user_id_pk" PRIMARY KEY("hub_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "account_email_outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"body_text" text NOT NULL,
	"cause" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "account_email_outbox_status_check" CHECK ("account_email_outbox"."status" IN ('queued', 'sending', 'sent', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "organization_invitations" (
	"hub_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"email" text NOT NULL,
	"role" text NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organization_invitations_hub_id_id_pk" PRIMARY KEY("hub_id","id"),
	CONSTRAINT "organization_invitations_token_key" UNIQUE("hub_id","token_hash"),
	CONSTRAINT "organization_invitations_role_check" CHECK ("organization_invitations"."role" IN ('owner','applicant','viewer'))
);
--> statement-breakpoint
CREATE TABLE "hub_invitations" (
	"hub_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"email" text NOT NULL,
	"roles" text[] NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by" uuid,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hub_invitations_hub_id_id_pk" PRIMARY KEY("hub_id","id"),
	CONSTRAINT "hub_invitations_token_key" UNIQUE("hub_id","token_hash"),
	CONSTRAINT "hub_invitations_roles_check" CHECK (cardinality("hub_invitations"."roles") > 0)
);
--> statement-breakpoint
ALTER TABLE "organization_members" DROP CONSTRAINT "organization_members_role_check";--> statement-breakpoint
ALTER TABLE "hubs" ADD COLUMN "fiscal_year_start_month" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "hubs" ADD COLUMN "working_days" integer[] DEFAULT '{1,2,3,4,5}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "hubs" ADD COLUMN "holidays" date[] DEFAULT '{}'::date[] NOT NULL;--> statement-breakpoint
ALTER TABLE "hubs" ADD COLUMN "make_up_workdays" date[] DEFAULT '{}'::date[] NOT NULL;--> statement-breakpoint
ALTER TABLE "hubs" ADD COLUMN "tech_share_default_bp" integer DEFAULT 1500 NOT NULL;--> statement-breakpoint
ALTER TABLE "hubs" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "deployment_operators" ADD CONSTRAINT "deployment_operators_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_suspensions" ADD CONSTRAINT "hub_suspensions_hub_id_hubs_id_fk" FOREIGN KEY ("hub_id") REFERENCES "public"."hubs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_suspensions" ADD CONSTRAINT "hub_suspensions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_invitations" ADD CONSTRAINT "organization_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_invitations" ADD CONSTRAINT "organization_invitations_hub_id_organization_id_organizations_hub_id_id_fk" FOREIGN KEY ("hub_id","organization_id") REFERENCES "public"."organizations"("hub_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_invitations" ADD CONSTRAINT "hub_invitations_hub_id_hubs_id_fk" FOREIGN KEY ("hub_id") REFERENCES "public"."hubs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_invitations" ADD CONSTRAINT "hub_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_invitations" ADD CONSTRAINT "hub_invitations_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_email_outbox_due_idx" ON "account_email_outbox" USING btree ("next_attempt_at") WHERE "account_email_outbox"."status" IN ('queued', 'sending');--> statement-breakpoint
CREATE INDEX "organization_invitations_org_idx" ON "organization_invitations" USING btree ("hub_id","organization_id");--> statement-breakpoint
CREATE INDEX "hub_invitations_email_idx" ON "hub_invitations" USING btree ("hub_id","email");--> statement-breakpoint
ALTER TABLE "hubs" ADD CONSTRAINT "hubs_fiscal_year_start_check" CHECK ("hubs"."fiscal_year_start_month" BETWEEN 1 AND 12);--> statement-breakpoint
ALTER TABLE "hubs" ADD CONSTRAINT "hubs_tech_share_check" CHECK ("hubs"."tech_share_default_bp" BETWEEN 0 AND 10000);--> statement-breakpoint
UPDATE "organization_members" SET "role" = 'applicant' WHERE "role" = 'member';--> statement-breakpoint
ALTER TABLE "organization_members" ADD CONSTRAINT "organization_members_role_check" CHECK ("organization_members"."role" IN ('owner','applicant','viewer'));
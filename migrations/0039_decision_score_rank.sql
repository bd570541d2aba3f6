ALTER TABLE "application_decisions" ADD COLUMN "score_basis_points" integer;--> statement-breakpoint
ALTER TABLE "application_decisions" ADD COLUMN "rank" integer;--> statement-breakpoint
ALTER TABLE "application_decisions" ADD COLUMN "ranked_among" integer;
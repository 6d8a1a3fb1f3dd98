CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"session_id" uuid,
	"outcome" text NOT NULL,
	"funding_cents" bigint DEFAULT 0 NOT NULL,
	"rationale" text NOT NULL,
	"decided_at" timestamp (3) with time zone NOT NULL,
	"audit_seq" bigint,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jury_attendance" (
	"session_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"present" boolean NOT NULL,
	CONSTRAINT "jury_attendance_session_id_member_id_pk" PRIMARY KEY("session_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "jury_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"affiliation" text NOT NULL,
	"employer_organisation_id" uuid,
	"home_ars" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jury_recusals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jury_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jury_settings" (
	"round_id" uuid PRIMARY KEY NOT NULL,
	"quorum_basis_points" integer DEFAULT 6667 NOT NULL,
	"balance_rules" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jury_votes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"choice" text NOT NULL,
	"cast_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "round_publications" (
	"round_id" uuid PRIMARY KEY NOT NULL,
	"published_at" timestamp (3) with time zone NOT NULL,
	"chain_head_hash" text NOT NULL,
	"chain_head_seq" bigint NOT NULL,
	"published_by" uuid
);
--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_session_id_jury_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."jury_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jury_attendance" ADD CONSTRAINT "jury_attendance_session_id_jury_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."jury_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jury_attendance" ADD CONSTRAINT "jury_attendance_member_id_jury_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."jury_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jury_members" ADD CONSTRAINT "jury_members_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jury_members" ADD CONSTRAINT "jury_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jury_members" ADD CONSTRAINT "jury_members_employer_organisation_id_organisations_id_fk" FOREIGN KEY ("employer_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jury_recusals" ADD CONSTRAINT "jury_recusals_member_id_jury_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."jury_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jury_recusals" ADD CONSTRAINT "jury_recusals_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jury_sessions" ADD CONSTRAINT "jury_sessions_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jury_settings" ADD CONSTRAINT "jury_settings_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jury_votes" ADD CONSTRAINT "jury_votes_session_id_jury_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."jury_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jury_votes" ADD CONSTRAINT "jury_votes_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jury_votes" ADD CONSTRAINT "jury_votes_member_id_jury_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."jury_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_publications" ADD CONSTRAINT "round_publications_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_publications" ADD CONSTRAINT "round_publications_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_application_key" ON "decisions" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "decisions_round_idx" ON "decisions" USING btree ("round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "jury_members_round_user_key" ON "jury_members" USING btree ("round_id","user_id");--> statement-breakpoint
CREATE INDEX "jury_members_user_idx" ON "jury_members" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "jury_recusals_member_application_key" ON "jury_recusals" USING btree ("member_id","application_id");--> statement-breakpoint
CREATE INDEX "jury_sessions_round_idx" ON "jury_sessions" USING btree ("round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "jury_votes_session_application_member_key" ON "jury_votes" USING btree ("session_id","application_id","member_id");--> statement-breakpoint
CREATE INDEX "jury_votes_application_idx" ON "jury_votes" USING btree ("application_id");
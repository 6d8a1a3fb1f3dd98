CREATE TABLE "catalogue_adoptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"solution_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"status" text NOT NULL,
	"since" date NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalogue_attendance" (
	"event_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalogue_attendance_event_id_organisation_id_pk" PRIMARY KEY("event_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "catalogue_knowledge" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"organisation_id" uuid,
	"solution_id" uuid,
	"starts_at" timestamp with time zone,
	"location" text DEFAULT '' NOT NULL,
	"search_name" text DEFAULT '' NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('german'::regconfig, search_name), 'A') || setweight(to_tsvector('german'::regconfig, search_text), 'B')) STORED,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalogue_solutions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"application_id" uuid,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"long_description" text DEFAULT '' NOT NULL,
	"repository_url" text NOT NULL,
	"licence" text NOT NULL,
	"categories" text[] DEFAULT '{}' NOT NULL,
	"maturity" text,
	"software_type" text,
	"land_ars" text NOT NULL,
	"applicant_kind" text NOT NULL,
	"publiccode_yml" text,
	"publiccode_source" text,
	"publiccode_valid" boolean,
	"publiccode_version" text,
	"publiccode_errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"publiccode_warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"publiccode_fields" jsonb,
	"publiccode_checked_at" timestamp with time zone,
	"search_name" text DEFAULT '' NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('german'::regconfig, search_name), 'A') || setweight(to_tsvector('german'::regconfig, search_text), 'B')) STORED,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "catalogue_adoptions" ADD CONSTRAINT "catalogue_adoptions_solution_id_catalogue_solutions_id_fk" FOREIGN KEY ("solution_id") REFERENCES "public"."catalogue_solutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_adoptions" ADD CONSTRAINT "catalogue_adoptions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_adoptions" ADD CONSTRAINT "catalogue_adoptions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_attendance" ADD CONSTRAINT "catalogue_attendance_event_id_catalogue_knowledge_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."catalogue_knowledge"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_attendance" ADD CONSTRAINT "catalogue_attendance_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_knowledge" ADD CONSTRAINT "catalogue_knowledge_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_knowledge" ADD CONSTRAINT "catalogue_knowledge_solution_id_catalogue_solutions_id_fk" FOREIGN KEY ("solution_id") REFERENCES "public"."catalogue_solutions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_knowledge" ADD CONSTRAINT "catalogue_knowledge_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_solutions" ADD CONSTRAINT "catalogue_solutions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_solutions" ADD CONSTRAINT "catalogue_solutions_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_solutions" ADD CONSTRAINT "catalogue_solutions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "catalogue_adoptions_pair_key" ON "catalogue_adoptions" USING btree ("solution_id","organisation_id");--> statement-breakpoint
CREATE INDEX "catalogue_adoptions_organisation_idx" ON "catalogue_adoptions" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "catalogue_attendance_organisation_idx" ON "catalogue_attendance" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "catalogue_knowledge_search_idx" ON "catalogue_knowledge" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "catalogue_knowledge_kind_idx" ON "catalogue_knowledge" USING btree ("kind","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "catalogue_solutions_slug_key" ON "catalogue_solutions" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "catalogue_solutions_organisation_idx" ON "catalogue_solutions" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "catalogue_solutions_search_idx" ON "catalogue_solutions" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "catalogue_solutions_created_idx" ON "catalogue_solutions" USING btree ("created_at");
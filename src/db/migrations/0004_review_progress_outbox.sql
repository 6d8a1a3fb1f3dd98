CREATE TABLE "review_settings" (
	"round_id" uuid PRIMARY KEY NOT NULL,
	"review_deadline" timestamp with time zone,
	"reminder_days" integer[] DEFAULT '{7,1}'::int[] NOT NULL,
	"disagreement_threshold" double precision DEFAULT 20 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"recipient" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"send_after" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	CONSTRAINT "outbox_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
ALTER TABLE "assignment_runs" ADD COLUMN "progress" jsonb DEFAULT '{"phase":"loading","percent":0}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "assignment_runs" ADD COLUMN "started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "assignment_runs" ADD COLUMN "heartbeat_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "assignment_runs" ADD COLUMN "finished_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "review_settings" ADD CONSTRAINT "review_settings_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("send_after") WHERE sent_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "assignment_runs_one_running_key" ON "assignment_runs" USING btree ("round_id") WHERE status = 'running';
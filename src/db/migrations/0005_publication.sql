CREATE TABLE "published_results" (
	"round_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"decision_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"sort_name" text NOT NULL,
	"funding_cents" bigint NOT NULL,
	"receipt_hash" text NOT NULL,
	"receipt_seq" bigint NOT NULL,
	CONSTRAINT "published_results_round_id_application_id_pk" PRIMARY KEY("round_id","application_id")
);
--> statement-breakpoint
ALTER TABLE "published_results" ADD CONSTRAINT "published_results_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_results" ADD CONSTRAINT "published_results_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_results" ADD CONSTRAINT "published_results_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "published_results_receipt_idx" ON "published_results" USING btree ("receipt_hash");
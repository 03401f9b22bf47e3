CREATE TABLE "issued_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"definition_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"period" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"title" text NOT NULL,
	"content" jsonb NOT NULL,
	"pdf" "bytea" NOT NULL,
	"issued_by" uuid,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "issued_reports_version_key" UNIQUE("definition_id","period","version"),
	CONSTRAINT "issued_reports_version_check" CHECK ("issued_reports"."version" >= 1),
	CONSTRAINT "issued_reports_content_check" CHECK (jsonb_typeof("issued_reports"."content") = 'object')
);
--> statement-breakpoint
CREATE TABLE "public_profiles" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"introduction" text DEFAULT '' NOT NULL,
	"licence" text DEFAULT 'OGL-UK-3.0' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "public_profiles_licence_check" CHECK ("public_profiles"."licence" in ('OGL-UK-3.0', 'CC-BY-4.0', 'CC0-1.0')),
	CONSTRAINT "public_profiles_introduction_check" CHECK (length("public_profiles"."introduction") <= 4000)
);
--> statement-breakpoint
CREATE TABLE "report_definitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_definitions_title_check" CHECK (length(trim("report_definitions"."title")) between 1 and 300)
);
--> statement-breakpoint
CREATE TABLE "report_items" (
	"definition_id" uuid NOT NULL,
	"series_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "report_items_pkey" PRIMARY KEY("definition_id","series_id"),
	CONSTRAINT "report_items_position_key" UNIQUE("definition_id","position")
);
--> statement-breakpoint
CREATE TABLE "series_commentaries" (
	"series_id" uuid NOT NULL,
	"period" date NOT NULL,
	"text" text NOT NULL,
	"author_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "series_commentaries_pkey" PRIMARY KEY("series_id","period"),
	CONSTRAINT "series_commentaries_text_check" CHECK (length(trim("series_commentaries"."text")) between 1 and 8000)
);
--> statement-breakpoint
ALTER TABLE "issued_reports" ADD CONSTRAINT "issued_reports_definition_id_report_definitions_id_fk" FOREIGN KEY ("definition_id") REFERENCES "public"."report_definitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issued_reports" ADD CONSTRAINT "issued_reports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issued_reports" ADD CONSTRAINT "issued_reports_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_profiles" ADD CONSTRAINT "public_profiles_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_definitions" ADD CONSTRAINT "report_definitions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_definitions" ADD CONSTRAINT "report_definitions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_items" ADD CONSTRAINT "report_items_definition_id_report_definitions_id_fk" FOREIGN KEY ("definition_id") REFERENCES "public"."report_definitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_items" ADD CONSTRAINT "report_items_series_id_measure_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."measure_series"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "series_commentaries" ADD CONSTRAINT "series_commentaries_series_id_measure_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."measure_series"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "series_commentaries" ADD CONSTRAINT "series_commentaries_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "issued_reports_organisation_idx" ON "issued_reports" USING btree ("organisation_id","issued_at");--> statement-breakpoint
CREATE INDEX "report_definitions_organisation_idx" ON "report_definitions" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "report_items_series_idx" ON "report_items" USING btree ("series_id");
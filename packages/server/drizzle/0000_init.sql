CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ods_code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_ods_code_key" UNIQUE("ods_code"),
	CONSTRAINT "organisations_ods_code_check" CHECK ("organisations"."ods_code" ~ '^[A-Z0-9]{3,12}$'),
	CONSTRAINT "organisations_name_check" CHECK (length(trim("organisations"."name")) > 0),
	CONSTRAINT "organisations_kind_check" CHECK ("organisations"."kind" in ('provider', 'commissioner', 'network'))
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"parent_id" uuid,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "units_id_organisation_key" UNIQUE("id","organisation_id"),
	CONSTRAINT "units_sibling_name_key" UNIQUE NULLS NOT DISTINCT("organisation_id","parent_id","name"),
	CONSTRAINT "units_not_own_parent_check" CHECK ("units"."parent_id" <> "units"."id"),
	CONSTRAINT "units_name_check" CHECK (length(trim("units"."name")) > 0),
	CONSTRAINT "units_kind_check" CHECK ("units"."kind" in ('division', 'directorate', 'ward', 'team'))
);
--> statement-breakpoint
CREATE TABLE "measure_series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"measure_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"unit_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measure_series_key" UNIQUE NULLS NOT DISTINCT("measure_id","organisation_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "measure_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"measure_id" uuid NOT NULL,
	"organisation_id" uuid,
	"effective_from" date NOT NULL,
	"value" double precision,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measure_targets_key" UNIQUE NULLS NOT DISTINCT("measure_id","organisation_id","effective_from"),
	CONSTRAINT "measure_targets_value_check" CHECK ("measure_targets"."value" is null or ("measure_targets"."value" > '-Infinity' and "measure_targets"."value" < 'Infinity'))
);
--> statement-breakpoint
CREATE TABLE "measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_organisation_id" uuid,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"unit_label" text DEFAULT '' NOT NULL,
	"data_type" text NOT NULL,
	"chart_type" text NOT NULL,
	"spc_options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"domain" text NOT NULL,
	"owner" text,
	"source" text,
	"visibility" text DEFAULT 'internal' NOT NULL,
	"frequency" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measures_owner_code_key" UNIQUE NULLS NOT DISTINCT("owner_organisation_id","code"),
	CONSTRAINT "measures_code_check" CHECK ("measures"."code" ~ '^[a-z0-9][a-z0-9_.-]{0,63}$'),
	CONSTRAINT "measures_name_check" CHECK (length(trim("measures"."name")) > 0),
	CONSTRAINT "measures_spc_options_check" CHECK (jsonb_typeof("measures"."spc_options") = 'object'),
	CONSTRAINT "measures_chart_type_fits_check" CHECK ((data_type = 'value' and chart_type in ('xmr', 'run')) or (data_type = 'proportion' and chart_type in ('p', 'pp', 'run', 'xmr')) or (data_type = 'rate' and chart_type in ('u', 'up', 'run', 'xmr')) or (data_type = 'count' and chart_type in ('c', 'xmr', 'run')) or (data_type = 'events' and chart_type in ('t', 'g'))),
	CONSTRAINT "measures_data_type_check" CHECK ("measures"."data_type" in ('value', 'proportion', 'rate', 'count', 'events')),
	CONSTRAINT "measures_chart_type_check" CHECK ("measures"."chart_type" in ('xmr', 't', 'g', 'run', 'p', 'pp', 'u', 'up', 'c')),
	CONSTRAINT "measures_domain_check" CHECK ("measures"."domain" in ('safety', 'experience', 'effectiveness', 'workforce', 'finance', 'other')),
	CONSTRAINT "measures_visibility_check" CHECK ("measures"."visibility" in ('private', 'internal', 'public')),
	CONSTRAINT "measures_frequency_check" CHECK ("measures"."frequency" in ('day', 'week', 'month', 'quarter', 'year', 'irregular'))
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid,
	"file_name" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"added" integer DEFAULT 0 NOT NULL,
	"changed" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"error" text,
	CONSTRAINT "imports_status_check" CHECK ("imports"."status" in ('running', 'succeeded', 'failed')),
	CONSTRAINT "imports_finished_check" CHECK (("imports"."status" = 'running') = ("imports"."finished_at" is null)),
	CONSTRAINT "imports_error_check" CHECK (("imports"."status" = 'failed') = ("imports"."error" is not null)),
	CONSTRAINT "imports_counts_check" CHECK ("imports"."added" >= 0 and "imports"."changed" >= 0 and "imports"."unchanged" >= 0)
);
--> statement-breakpoint
CREATE TABLE "observation_revisions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "observation_revisions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"series_id" uuid NOT NULL,
	"period" date NOT NULL,
	"old_value" double precision,
	"old_numerator" double precision,
	"old_denominator" double precision,
	"old_ghost" boolean NOT NULL,
	"new_value" double precision,
	"new_numerator" double precision,
	"new_denominator" double precision,
	"new_ghost" boolean NOT NULL,
	"import_id" uuid,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "observation_revisions_provenance_check" CHECK (num_nonnulls("observation_revisions"."import_id", "observation_revisions"."changed_by") > 0)
);
--> statement-breakpoint
CREATE TABLE "observations" (
	"series_id" uuid NOT NULL,
	"period" date NOT NULL,
	"value" double precision,
	"numerator" double precision,
	"denominator" double precision,
	"ghost" boolean DEFAULT false NOT NULL,
	"import_id" uuid,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "observations_pkey" PRIMARY KEY("series_id","period"),
	CONSTRAINT "observations_provenance_check" CHECK (num_nonnulls("observations"."import_id", "observations"."recorded_by") > 0),
	CONSTRAINT "observations_numbers_check" CHECK ("observations"."numerator" >= 0 and "observations"."denominator" >= 0),
	CONSTRAINT "observations_value_check" CHECK ("observations"."value" is null or ("observations"."value" > '-Infinity' and "observations"."value" < 'Infinity')),
	CONSTRAINT "observations_numerator_check" CHECK ("observations"."numerator" is null or ("observations"."numerator" > '-Infinity' and "observations"."numerator" < 'Infinity')),
	CONSTRAINT "observations_denominator_check" CHECK ("observations"."denominator" is null or ("observations"."denominator" > '-Infinity' and "observations"."denominator" < 'Infinity'))
);
--> statement-breakpoint
CREATE TABLE "annotations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"series_id" uuid NOT NULL,
	"period" date NOT NULL,
	"text" text NOT NULL,
	"author" text NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "annotations_text_check" CHECK (length(trim("annotations"."text")) between 1 and 4000),
	CONSTRAINT "annotations_author_check" CHECK (length(trim("annotations"."author")) > 0)
);
--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_parent_fk" FOREIGN KEY ("parent_id","organisation_id") REFERENCES "public"."units"("id","organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_series" ADD CONSTRAINT "measure_series_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_series" ADD CONSTRAINT "measure_series_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_series" ADD CONSTRAINT "measure_series_unit_fk" FOREIGN KEY ("unit_id","organisation_id") REFERENCES "public"."units"("id","organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_targets" ADD CONSTRAINT "measure_targets_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_targets" ADD CONSTRAINT "measure_targets_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_revisions" ADD CONSTRAINT "observation_revisions_series_id_measure_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."measure_series"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_revisions" ADD CONSTRAINT "observation_revisions_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_series_id_measure_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."measure_series"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_series_id_measure_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."measure_series"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "units_parent_idx" ON "units" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "measure_series_organisation_idx" ON "measure_series" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "measure_series_unit_idx" ON "measure_series" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "imports_organisation_started_idx" ON "imports" USING btree ("organisation_id","started_at");--> statement-breakpoint
CREATE INDEX "observation_revisions_point_idx" ON "observation_revisions" USING btree ("series_id","period","id");--> statement-breakpoint
CREATE INDEX "observation_revisions_import_idx" ON "observation_revisions" USING btree ("import_id");--> statement-breakpoint
CREATE INDEX "observations_import_idx" ON "observations" USING btree ("import_id");--> statement-breakpoint
CREATE INDEX "annotations_point_idx" ON "annotations" USING btree ("series_id","period");
CREATE TABLE "import_file_chunks" (
	"import_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"lines" text NOT NULL,
	CONSTRAINT "import_file_chunks_pkey" PRIMARY KEY("import_id","seq")
);
--> statement-breakpoint
ALTER TABLE "imports" DROP CONSTRAINT "imports_status_check";--> statement-breakpoint
ALTER TABLE "imports" DROP CONSTRAINT "imports_finished_check";--> statement-breakpoint
ALTER TABLE "measure_series" ADD COLUMN "data_version" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "format" text;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "byte_size" bigint;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "sha256" text;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "columns" jsonb;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "row_count" integer;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "mapping" jsonb;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "preview" jsonb;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "rows_done" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "rows_total" integer;--> statement-breakpoint
ALTER TABLE "import_file_chunks" ADD CONSTRAINT "import_file_chunks_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "imports_sha256_idx" ON "imports" USING btree ("organisation_id","sha256");--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_format_check" CHECK ("imports"."format" is null or "imports"."format" in ('csv', 'xlsx', 'fhir', 'api'));--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_progress_check" CHECK ("imports"."rows_done" >= 0);--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_status_check" CHECK ("imports"."status" in ('uploaded', 'previewing', 'previewed', 'running', 'succeeded', 'failed'));--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_finished_check" CHECK (("imports"."status" in ('succeeded', 'failed')) = ("imports"."finished_at" is not null));
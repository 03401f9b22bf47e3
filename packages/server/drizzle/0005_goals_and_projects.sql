CREATE TABLE "driver_links" (
	"project_id" uuid NOT NULL,
	"from_id" uuid NOT NULL,
	"to_id" uuid NOT NULL,
	CONSTRAINT "driver_links_pkey" PRIMARY KEY("from_id","to_id"),
	CONSTRAINT "driver_links_not_self_check" CHECK ("driver_links"."from_id" <> "driver_links"."to_id")
);
--> statement-breakpoint
CREATE TABLE "driver_nodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "driver_nodes_id_project_key" UNIQUE("id","project_id"),
	CONSTRAINT "driver_nodes_text_check" CHECK (length(trim("driver_nodes"."text")) between 1 and 500),
	CONSTRAINT "driver_nodes_kind_check" CHECK ("driver_nodes"."kind" in ('primary', 'secondary', 'change_idea'))
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"unit_id" uuid,
	"aim_id" uuid,
	"parent_goal_id" uuid,
	"requirement_id" uuid,
	"series_id" uuid NOT NULL,
	"title" text NOT NULL,
	"target" double precision NOT NULL,
	"deadline" date NOT NULL,
	"visibility" text DEFAULT 'internal' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goals_id_organisation_key" UNIQUE("id","organisation_id"),
	CONSTRAINT "goals_not_own_parent_check" CHECK ("goals"."parent_goal_id" is null or "goals"."parent_goal_id" <> "goals"."id"),
	CONSTRAINT "goals_title_check" CHECK (length(trim("goals"."title")) between 1 and 300),
	CONSTRAINT "goals_target_check" CHECK ("goals"."target" is null or ("goals"."target" > '-Infinity' and "goals"."target" < 'Infinity')),
	CONSTRAINT "goals_visibility_check" CHECK ("goals"."visibility" in ('private', 'internal', 'public'))
);
--> statement-breakpoint
CREATE TABLE "outcome_requirements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commissioner_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"target" double precision NOT NULL,
	"due_by" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outcome_requirements_not_self_check" CHECK ("outcome_requirements"."commissioner_id" <> "outcome_requirements"."provider_id"),
	CONSTRAINT "outcome_requirements_title_check" CHECK (length(trim("outcome_requirements"."title")) between 1 and 300),
	CONSTRAINT "outcome_requirements_target_check" CHECK ("outcome_requirements"."target" is null or ("outcome_requirements"."target" > '-Infinity' and "outcome_requirements"."target" < 'Infinity'))
);
--> statement-breakpoint
CREATE TABLE "pdsa_cycles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"change_idea_id" uuid NOT NULL,
	"title" text NOT NULL,
	"plan" text DEFAULT '' NOT NULL,
	"prediction" text DEFAULT '' NOT NULL,
	"planned_start" date,
	"do_notes" text DEFAULT '' NOT NULL,
	"started_on" date,
	"study" text DEFAULT '' NOT NULL,
	"act" text DEFAULT '' NOT NULL,
	"decision" text,
	"ended_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pdsa_cycles_title_check" CHECK (length(trim("pdsa_cycles"."title")) between 1 and 300),
	CONSTRAINT "pdsa_cycles_decision_check" CHECK ("pdsa_cycles"."decision" in ('adopt', 'adapt', 'abandon')),
	CONSTRAINT "pdsa_cycles_dates_check" CHECK ("pdsa_cycles"."ended_on" is null or "pdsa_cycles"."started_on" is null or "pdsa_cycles"."ended_on" >= "pdsa_cycles"."started_on")
);
--> statement-breakpoint
CREATE TABLE "project_goals" (
	"project_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	CONSTRAINT "project_goals_pkey" PRIMARY KEY("project_id","goal_id")
);
--> statement-breakpoint
CREATE TABLE "project_measures" (
	"project_id" uuid NOT NULL,
	"series_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "project_measures_pkey" PRIMARY KEY("project_id","series_id"),
	CONSTRAINT "project_measures_kind_check" CHECK ("project_measures"."kind" in ('outcome', 'process', 'balancing'))
);
--> statement-breakpoint
CREATE TABLE "project_members" (
	"project_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_members_pkey" PRIMARY KEY("project_id","user_id"),
	CONSTRAINT "project_members_role_check" CHECK ("project_members"."role" in ('lead', 'sponsor', 'coach', 'member'))
);
--> statement-breakpoint
CREATE TABLE "project_requirements" (
	"project_id" uuid NOT NULL,
	"requirement_id" uuid NOT NULL,
	CONSTRAINT "project_requirements_pkey" PRIMARY KEY("project_id","requirement_id")
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"unit_id" uuid,
	"title" text NOT NULL,
	"problem" text DEFAULT '' NOT NULL,
	"stage" text DEFAULT 'idea' NOT NULL,
	"aim_what" text DEFAULT '' NOT NULL,
	"aim_how_much" text DEFAULT '' NOT NULL,
	"aim_by_when" date,
	"lessons" text DEFAULT '' NOT NULL,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"visibility" text DEFAULT 'internal' NOT NULL,
	"published_at" timestamp with time zone,
	"copied_from_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(aim_what, '') || ' ' || coalesce(aim_how_much, '')), 'B') || setweight(to_tsvector('english', coalesce(problem, '') || ' ' || coalesce(lessons, '')), 'C')) STORED,
	CONSTRAINT "projects_id_organisation_key" UNIQUE("id","organisation_id"),
	CONSTRAINT "projects_title_check" CHECK (length(trim("projects"."title")) between 1 and 300),
	CONSTRAINT "projects_stage_check" CHECK ("projects"."stage" in ('idea', 'planning', 'testing', 'implementing', 'spreading', 'sustaining', 'complete', 'stopped')),
	CONSTRAINT "projects_visibility_check" CHECK ("projects"."visibility" in ('private', 'internal', 'public')),
	CONSTRAINT "projects_published_check" CHECK ("projects"."published_at" is null or ("projects"."stage" in ('sustaining', 'complete', 'stopped') and length(trim("projects"."lessons")) > 0)),
	CONSTRAINT "projects_topics_check" CHECK (array_position("projects"."topics", null) is null)
);
--> statement-breakpoint
CREATE TABLE "strategic_aims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"visibility" text DEFAULT 'internal' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "strategic_aims_id_organisation_key" UNIQUE("id","organisation_id"),
	CONSTRAINT "strategic_aims_title_check" CHECK (length(trim("strategic_aims"."title")) between 1 and 300),
	CONSTRAINT "strategic_aims_visibility_check" CHECK ("strategic_aims"."visibility" in ('private', 'internal', 'public'))
);
--> statement-breakpoint
ALTER TABLE "driver_links" ADD CONSTRAINT "driver_links_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "driver_links" ADD CONSTRAINT "driver_links_from_fk" FOREIGN KEY ("from_id","project_id") REFERENCES "public"."driver_nodes"("id","project_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "driver_links" ADD CONSTRAINT "driver_links_to_fk" FOREIGN KEY ("to_id","project_id") REFERENCES "public"."driver_nodes"("id","project_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "driver_nodes" ADD CONSTRAINT "driver_nodes_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_requirement_id_outcome_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."outcome_requirements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_series_id_measure_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."measure_series"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_unit_fk" FOREIGN KEY ("unit_id","organisation_id") REFERENCES "public"."units"("id","organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_aim_fk" FOREIGN KEY ("aim_id","organisation_id") REFERENCES "public"."strategic_aims"("id","organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_parent_fk" FOREIGN KEY ("parent_goal_id","organisation_id") REFERENCES "public"."goals"("id","organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_requirements" ADD CONSTRAINT "outcome_requirements_commissioner_id_organisations_id_fk" FOREIGN KEY ("commissioner_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_requirements" ADD CONSTRAINT "outcome_requirements_provider_id_organisations_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_requirements" ADD CONSTRAINT "outcome_requirements_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_requirements" ADD CONSTRAINT "outcome_requirements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pdsa_cycles" ADD CONSTRAINT "pdsa_cycles_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pdsa_cycles" ADD CONSTRAINT "pdsa_cycles_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pdsa_cycles" ADD CONSTRAINT "pdsa_cycles_change_idea_fk" FOREIGN KEY ("change_idea_id","project_id") REFERENCES "public"."driver_nodes"("id","project_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_goals" ADD CONSTRAINT "project_goals_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_goals" ADD CONSTRAINT "project_goals_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_measures" ADD CONSTRAINT "project_measures_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_measures" ADD CONSTRAINT "project_measures_series_id_measure_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."measure_series"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_members" ADD CONSTRAINT "project_members_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_members" ADD CONSTRAINT "project_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_requirements" ADD CONSTRAINT "project_requirements_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_requirements" ADD CONSTRAINT "project_requirements_requirement_id_outcome_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."outcome_requirements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_unit_fk" FOREIGN KEY ("unit_id","organisation_id") REFERENCES "public"."units"("id","organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_copied_from_fk" FOREIGN KEY ("copied_from_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategic_aims" ADD CONSTRAINT "strategic_aims_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "driver_links_to_idx" ON "driver_links" USING btree ("to_id");--> statement-breakpoint
CREATE INDEX "driver_nodes_project_idx" ON "driver_nodes" USING btree ("project_id","kind","position");--> statement-breakpoint
CREATE INDEX "goals_organisation_idx" ON "goals" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "goals_series_idx" ON "goals" USING btree ("series_id");--> statement-breakpoint
CREATE INDEX "goals_parent_idx" ON "goals" USING btree ("parent_goal_id");--> statement-breakpoint
CREATE INDEX "outcome_requirements_provider_idx" ON "outcome_requirements" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "outcome_requirements_commissioner_idx" ON "outcome_requirements" USING btree ("commissioner_id");--> statement-breakpoint
CREATE INDEX "pdsa_cycles_project_idx" ON "pdsa_cycles" USING btree ("project_id","started_on");--> statement-breakpoint
CREATE INDEX "project_goals_goal_idx" ON "project_goals" USING btree ("goal_id");--> statement-breakpoint
CREATE INDEX "project_measures_series_idx" ON "project_measures" USING btree ("series_id");--> statement-breakpoint
CREATE INDEX "project_members_user_idx" ON "project_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "project_requirements_requirement_idx" ON "project_requirements" USING btree ("requirement_id");--> statement-breakpoint
CREATE INDEX "projects_organisation_idx" ON "projects" USING btree ("organisation_id","stage");--> statement-breakpoint
CREATE INDEX "projects_search_idx" ON "projects" USING gin ("search");--> statement-breakpoint
CREATE INDEX "projects_published_idx" ON "projects" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "strategic_aims_organisation_idx" ON "strategic_aims" USING btree ("organisation_id");
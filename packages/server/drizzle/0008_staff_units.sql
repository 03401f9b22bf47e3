CREATE TABLE "staff_units" (
	"user_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"since" date DEFAULT current_date NOT NULL,
	CONSTRAINT "staff_units_pkey" PRIMARY KEY("user_id","organisation_id")
);
--> statement-breakpoint
ALTER TABLE "staff_units" ADD CONSTRAINT "staff_units_membership_fk" FOREIGN KEY ("user_id","organisation_id") REFERENCES "public"."memberships"("user_id","organisation_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_units" ADD CONSTRAINT "staff_units_unit_fk" FOREIGN KEY ("unit_id","organisation_id") REFERENCES "public"."units"("id","organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_units_unit_idx" ON "staff_units" USING btree ("organisation_id","unit_id");
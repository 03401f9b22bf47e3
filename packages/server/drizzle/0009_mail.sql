CREATE TABLE "mail_settings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"host" text NOT NULL,
	"port" integer NOT NULL,
	"security" text NOT NULL,
	"username" text,
	"password_sealed" text,
	"from_address" text NOT NULL,
	"from_name" text,
	"enabled" boolean DEFAULT true NOT NULL,
	"enabled_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "mail_settings_host_check" CHECK ("mail_settings"."host" ~ '^[A-Za-z0-9.:\[\]-]{1,253}$'),
	CONSTRAINT "mail_settings_port_check" CHECK ("mail_settings"."port" between 1 and 65535),
	CONSTRAINT "mail_settings_security_check" CHECK ("mail_settings"."security" in ('tls', 'starttls', 'none')),
	CONSTRAINT "mail_settings_from_check" CHECK ("mail_settings"."from_address" ~ '^[^@\s<>"]+@[^@\s<>"]+$'),
	CONSTRAINT "mail_settings_password_check" CHECK ("mail_settings"."password_sealed" is null or "mail_settings"."username" is not null),
	CONSTRAINT "mail_settings_enabled_check" CHECK (not "mail_settings"."enabled" or "mail_settings"."enabled_at" is not null)
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email_notifications" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "email_attempts" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "email_error" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "email_retry_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mail_settings" ADD CONSTRAINT "mail_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_settings" ADD CONSTRAINT "mail_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_unsent_idx" ON "notifications" USING btree ("organisation_id","created_at") WHERE "notifications"."emailed_at" is null;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_email_attempts_check" CHECK ("notifications"."email_attempts" >= 0);
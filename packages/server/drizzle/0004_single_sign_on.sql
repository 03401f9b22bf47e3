CREATE TABLE "identity_providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"issuer" text NOT NULL,
	"client_id" text NOT NULL,
	"client_secret" text,
	"email_domains" text[] DEFAULT '{}'::text[] NOT NULL,
	"default_role" text,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "identity_providers_organisation_issuer_key" UNIQUE("organisation_id","issuer"),
	CONSTRAINT "identity_providers_name_check" CHECK (length(trim("identity_providers"."name")) between 1 and 100),
	CONSTRAINT "identity_providers_issuer_check" CHECK ("identity_providers"."issuer" ~ '^https?://'),
	CONSTRAINT "identity_providers_client_id_check" CHECK (length(trim("identity_providers"."client_id")) between 1 and 500),
	CONSTRAINT "identity_providers_default_role_check" CHECK ("identity_providers"."default_role" is null or "identity_providers"."default_role" in ('staff', 'improver', 'qi_lead', 'executive', 'administrator')),
	CONSTRAINT "identity_providers_email_domains_check" CHECK (array_position("identity_providers"."email_domains", null) is null)
);
--> statement-breakpoint
CREATE TABLE "sign_in_requests" (
	"state_hash" text PRIMARY KEY NOT NULL,
	"provider_id" uuid NOT NULL,
	"nonce" text NOT NULL,
	"code_verifier" text NOT NULL,
	"return_to" text DEFAULT '/' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sign_in_requests_return_to_check" CHECK (left("sign_in_requests"."return_to", 1) = '/' and left("sign_in_requests"."return_to", 2) <> '//' and strpos("sign_in_requests"."return_to", chr(92)) = 0)
);
--> statement-breakpoint
CREATE TABLE "user_identities" (
	"provider_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	CONSTRAINT "user_identities_pkey" PRIMARY KEY("provider_id","subject")
);
--> statement-breakpoint
ALTER TABLE "identity_providers" ADD CONSTRAINT "identity_providers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_in_requests" ADD CONSTRAINT "sign_in_requests_provider_id_identity_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."identity_providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_identities" ADD CONSTRAINT "user_identities_provider_id_identity_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."identity_providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_identities" ADD CONSTRAINT "user_identities_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "identity_providers_organisation_idx" ON "identity_providers" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "sign_in_requests_expires_idx" ON "sign_in_requests" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "user_identities_user_idx" ON "user_identities" USING btree ("user_id");
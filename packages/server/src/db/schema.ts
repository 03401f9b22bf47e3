/**
 * @module db/schema
 * The one database schema, split by domain. drizzle-kit reads this file to generate the
 * migrations in packages/server/drizzle; the repositories import the tables from here.
 */
export * from './schema/organisations.js';
export * from './schema/measures.js';
export * from './schema/imports.js';
export * from './schema/observations.js';
export * from './schema/annotations.js';
export * from './schema/identity.js';
export * from './schema/audit.js';
export * from './schema/single-sign-on.js';
export * from './schema/improvement.js';
export * from './schema/reporting.js';
export * from './schema/staff-voice.js';
export * from './schema/mail.js';

/**
 * @module @groundswell/server
 * The Groundswell server: the HTTP API (`buildApp`, `startServer`) over one PostgreSQL schema on
 * embedded PGlite or a PostgreSQL server, migrations, and framework-free repositories.
 */
export * as schema from './db/schema.js';
export { createToken } from './auth/tokens.js';
export * from './db/schema/vocabulary.js';
export type { Database, DatabaseHandle, Engine, TransactionContext, CsvChunks, Schema } from './db/types.js';
export { openDatabase, databaseConfigFromEnv, DEFAULT_DATA_DIR } from './db/open.js';
export type { DatabaseConfig } from './db/open.js';
export type { PgliteConfig, PgliteHandle } from './db/pglite.js';
export type { PostgresConfig, PostgresHandle } from './db/postgres.js';
export { migrate, MIGRATIONS_FOLDER } from './db/migrate.js';
export { DatabaseInUseError } from './db/folder-lock.js';
export { DataError } from './errors.js';
export type { DataErrorCode } from './errors.js';
export type { Page, PageRequest, PageSizes } from './paging.js';
export * from './organisations/repository.js';
export * from './units/repository.js';
export * from './measures/repository.js';
export * from './measures/targets.js';
export type { NewMeasure, MeasurePatch } from './measures/input.js';
export { parseSpcOptions } from './measures/spc-options.js';
export type { StoredSpcOptions } from './measures/spc-options.js';
export * from './series/repository.js';
export * from './observations/repository.js';
export { copyObservations } from './observations/copy.js';
export type { ObservationInput, Provenance } from './observations/input.js';
export type { MergeCounts } from './observations/merge.js';
export * from './annotations/repository.js';
export * from './imports/repository.js';
export { loadConfig, ConfigError, LOG_LEVELS } from './config.js';
export type { ServerConfig, LogLevel } from './config.js';
export { buildApp, API_PREFIX } from './http/app.js';
export type { AppOptions } from './http/app.js';
export type { Api } from './http/types.js';
export { ApiError, ERROR_STATUS } from './http/errors.js';
export type { ErrorBody, ErrorCode, ErrorDetails } from './http/errors.js';
export { startServer } from './serve.js';
export type { StartOptions, RunningServer } from './serve.js';
export { analyseSeries } from './analysis/service.js';
export type { SeriesAnalysis } from './analysis/service.js';
export { seriesExport } from './exports/service.js';
export type { SeriesExport } from './exports/service.js';
export { seriesCsv, csvColumns } from './exports/csv.js';
export { importMeasureReports } from './fhir/import.js';
export type { FhirImportOptions, FhirImportResult, ImportedSeries } from './fhir/import.js';
export { LruCache, AnalysisCache } from './analysis/cache.js';
export type { AnalysisVersion, LruLimits } from './analysis/cache.js';
export { DashboardService, DASHBOARD_FORMAT } from './dashboard/service.js';
export type { DashboardCacheLimits, DashboardBody } from './dashboard/service.js';
export type {
  DashboardQuery,
  DashboardView,
  DashboardSeriesView,
  SparklineView,
} from './dashboard/schemas.js';
export { OBSERVATION_PAGE_SIZES, PAGE_SIZES } from './paging.js';
export { loadDemoData, DEMO_CSV, DEMO_TRUST } from './demo/load.js';
export type { DemoSummary } from './demo/load.js';
export { streamImport as importFile } from './imports/stream.js';
export type { StreamImport as FileImport } from './imports/stream.js';
export { completeMapping, suggestMapping } from './imports/mapping.js';
export type { ImportMapping, ImportPreview, ImportProblem, FieldSource } from './imports/mapping-types.js';
export type { DataStore } from './db/store.js';

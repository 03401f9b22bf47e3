/**
 * @module db/store
 * What services that load in bulk need of the database: queries (`db`), the engine, and
 * transactions with COPY. An open `DatabaseHandle` is one; tests make one over their rolled-back
 * transaction, whose `transaction` is a savepoint.
 */
import type { Database, DatabaseHandle, Engine, TransactionContext } from './types.js';

/** The database as services see it. */
export interface DataStore {
  readonly engine: Engine;
  /** Queries outside any transaction (in tests: the test's transaction). */
  readonly db: Database;
  /**
   * Runs `fn` in one transaction (committed when it resolves, rolled back when it throws). Inside
   * `fn` use `ctx.db` only: on PGlite a query on `db` would wait for the transaction to end.
   */
  transaction<T>(fn: (ctx: TransactionContext) => Promise<T>): Promise<T>;
}

/** A store over a test's transaction: each `transaction` is a savepoint on the same connection. */
export function savepointStore(ctx: TransactionContext): DataStore {
  return {
    engine: ctx.engine,
    db: ctx.db,
    transaction: (fn) => ctx.db.transaction((tx) => fn({ ...ctx, db: tx })),
  };
}

function isStore(db: Database | DataStore | DatabaseHandle): db is DataStore {
  return 'engine' in db && 'db' in db;
}

/**
 * The store for `db`: itself when it is one; otherwise a store that can query but not load in
 * bulk (its `transaction` throws), for apps built on a bare drizzle database.
 */
export function storeOf(db: Database | DataStore): DataStore {
  if (isStore(db)) return db;
  return {
    engine: 'postgres',
    db,
    transaction: () => {
      throw new Error('this app was built without a database handle, so it cannot load in bulk');
    },
  };
}

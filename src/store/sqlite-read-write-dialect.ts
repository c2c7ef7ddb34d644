import type Database from 'better-sqlite3';
import {
  SelectQueryNode,
  SqliteDialect,
  SqliteDriver,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryCompiler,
  type QueryResult,
} from 'kysely';

/** How the SQLite dialect opens its read-only connection to the writer's file. */
export interface SqliteReadWriteOptions {
  /** The connection that writes: set up (WAL, pragmas) by the caller, closed on `destroy()`. */
  writer: Database.Database;
  /** Opens a read-only connection to the writer's file, with the pragmas readers need. */
  openReader: (path: string) => Database.Database;
}

/**
 * Kysely's SQLite dialect with a second, read-only connection, so reads need not wait for a
 * write transaction, as on a PostgreSQL pool: a select on a connection that has not begun a
 * transaction nor written runs on the reader (the last committed state, thanks to WAL); anything
 * else takes the writer, behind Kysely's mutex, until that connection is released. An in-memory
 * database has no file to share, so everything runs on the writer there.
 */
export class SqliteReadWriteDialect extends SqliteDialect {
  readonly #options: SqliteReadWriteOptions;

  constructor(options: SqliteReadWriteOptions) {
    super({ database: options.writer });
    this.#options = options;
  }

  override createDriver(): Driver {
    return new SqliteReadWriteDriver(super.createDriver(), this.#options);
  }
}

/** Lends `RoutedConnection`s; the writer and the reader are each one of Kysely's own drivers. */
class SqliteReadWriteDriver implements Driver {
  readonly #writer: Driver;
  readonly #options: SqliteReadWriteOptions;
  readonly #turns = new EventLoopTurns();
  #reader: Promise<Driver> | undefined;

  constructor(writer: Driver, options: SqliteReadWriteOptions) {
    this.#writer = writer;
    this.#options = options;
  }

  init(): Promise<void> {
    return this.#writer.init();
  }

  // Takes nothing yet: which connection a query needs is known only when it comes.
  acquireConnection(): Promise<DatabaseConnection> {
    const { writer } = this.#options;
    const reader = writer.memory ? undefined : () => this.#openReader(writer.name);
    return Promise.resolve(new RoutedConnection(this.#writer, reader, this.#turns));
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const writer = await routed(connection).takeWriter();
    await this.#writer.beginTransaction(writer, {});
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await this.#writer.commitTransaction(await routed(connection).takeWriter());
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await this.#writer.rollbackTransaction(await routed(connection).takeWriter());
  }

  async savepoint(
    connection: DatabaseConnection,
    name: string,
    compileQuery: QueryCompiler['compileQuery'],
  ): Promise<void> {
    await this.#writer.savepoint?.(await routed(connection).takeWriter(), name, compileQuery);
  }

  async rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compileQuery: QueryCompiler['compileQuery'],
  ): Promise<void> {
    const writer = await routed(connection).takeWriter();
    await this.#writer.rollbackToSavepoint?.(writer, name, compileQuery);
  }

  async releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compileQuery: QueryCompiler['compileQuery'],
  ): Promise<void> {
    await this.#writer.releaseSavepoint?.(
      await routed(connection).takeWriter(),
      name,
      compileQuery,
    );
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return routed(connection).release();
  }

  async destroy(): Promise<void> {
    // The reader first: the last connection to close checkpoints the WAL into the file.
    const reader = this.#reader;
    this.#reader = undefined;
    try {
      await (await reader?.catch(() => undefined))?.destroy();
    } finally {
      await this.#writer.destroy();
    }
  }

  // Opened at the first read, after the writer has created the file, set WAL and migrated.
  #openReader(path: string): Promise<Driver> {
    if (this.#reader) return this.#reader;
    const opening = (async () => {
      const driver = new SqliteDriver({ database: this.#options.openReader(path) });
      await driver.init();
      return driver;
    })();
    // A reader that failed to open is tried again at the next read rather than kept broken.
    opening.catch(() => {
      if (this.#reader === opening) this.#reader = undefined;
    });
    this.#reader = opening;
    return opening;
  }
}

/**
 * One borrower's connection: its selects go to the reader until it begins a transaction or sends
 * anything else; from then on it holds the writer, so it sees its own writes and temporary tables.
 */
class RoutedConnection implements DatabaseConnection {
  readonly #writerDriver: Driver;
  readonly #openReader: (() => Promise<Driver>) | undefined;
  readonly #turns: EventLoopTurns;
  #writer: Promise<DatabaseConnection> | undefined;

  constructor(
    writerDriver: Driver,
    openReader: (() => Promise<Driver>) | undefined,
    turns: EventLoopTurns,
  ) {
    this.#writerDriver = writerDriver;
    this.#openReader = openReader;
    this.#turns = turns;
  }

  /** The writer, taken (waiting for its mutex) the first time and held until `release()`. */
  takeWriter(): Promise<DatabaseConnection> {
    this.#writer ??= this.#writerDriver.acquireConnection();
    return this.#writer;
  }

  async release(): Promise<void> {
    const writer = this.#writer;
    this.#writer = undefined;
    if (writer) await this.#writerDriver.releaseConnection(await writer);
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const reader = this.#readerFor(query);
    if (!reader) {
      const writer = await this.takeWriter();
      await this.#turns.letLoopTurn();
      return writer.executeQuery<R>(query);
    }
    const driver = await reader();
    const connection = await driver.acquireConnection();
    try {
      return await connection.executeQuery<R>(query);
    } finally {
      await driver.releaseConnection(connection);
    }
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize?: number) {
    const reader = this.#readerFor(query);
    if (!reader) {
      yield* (await this.takeWriter()).streamQuery<R>(query, chunkSize);
      return;
    }
    // The reader's own mutex keeps other reads off it while the stream's statement is open.
    const driver = await reader();
    const connection = await driver.acquireConnection();
    try {
      yield* connection.streamQuery<R>(query, chunkSize);
    } finally {
      await driver.releaseConnection(connection);
    }
  }

  #readerFor(query: CompiledQuery): (() => Promise<Driver>) | undefined {
    return this.#writer || !SelectQueryNode.is(query.query) ? undefined : this.#openReader;
  }
}

/** How long writes may keep the event loop from turning before they let it turn (ms). */
const longestRunMs = 50;

/**
 * better-sqlite3 runs each statement synchronously and Kysely chains them with microtasks, so a
 * large transaction would hold the event loop from its first statement to its last: no request,
 * not even a read the reader could answer, would be served meanwhile. Between statements that
 * have run for longer than `longestRunMs` without a turn of the loop, this lets it turn.
 */
class EventLoopTurns {
  #busySince: number | undefined;

  async letLoopTurn(): Promise<void> {
    const now = performance.now();
    if (this.#busySince === undefined) {
      this.#busySince = now;
      setImmediate(() => (this.#busySince = undefined));
    } else if (now - this.#busySince >= longestRunMs)
      await new Promise((resolve) => setImmediate(resolve));
  }
}

function routed(connection: DatabaseConnection): RoutedConnection {
  if (connection instanceof RoutedConnection) return connection;
  throw new TypeError('Cannot use a connection this SQLite driver did not lend');
}

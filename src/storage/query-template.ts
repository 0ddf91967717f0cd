import {
  CamelCasePlugin,
  type Compilable,
  type CompiledQuery,
  type Kysely,
  type QueryResult,
  type RawBuilder,
} from 'kysely';
import type { Database } from './schema.js';

/** A database or a transaction (Transaction extends Kysely). */
type Executor = Kysely<Database>;

/** A query builder, or raw SQL (`sql\`…\``). */
type Buildable<O> = Compilable<O> | RawBuilder<O>;

/**
 * The SQL of every template starts with this comment: the PostgreSQL pool sends such statements
 * as named prepared statements (parsed and planned once per connection), and the comment names
 * the query in `pg_stat_statements` and the server's logs.
 */
export const TEMPLATE_SQL_PREFIX = '/* woes:';

/**
 * Ends the comment of a template whose rows are read as arrays (`arrayQueryTemplate`): the
 * drivers see it in the SQL (the only thing Kysely hands them) and read that statement's rows
 * as arrays — better-sqlite3's `raw` mode, pg's `rowMode: 'array'`.
 */
const ARRAY_ROWS_MARK = ':arrays */';

/** True when `sql` is an array-rows template's (see ARRAY_ROWS_MARK). */
export function readsArrays(sql: string): boolean {
  if (!sql.startsWith(TEMPLATE_SQL_PREFIX)) return false;
  const end = sql.indexOf('*/');
  return sql.startsWith(ARRAY_ROWS_MARK, end - ARRAY_ROWS_MARK.length + 2);
}

/** Stands for a parameter while a template is built; never reaches the database. */
class Placeholder {
  constructor(readonly name: string) {}
}

interface Prepared {
  readonly compiled: CompiledQuery;
  /** For each parameter position: the name of the value to bind, or null for a constant. */
  readonly slots: readonly (string | null)[];
  readonly constants: readonly unknown[];
}

export interface QueryTemplateOptions<P> {
  /**
   * Parameters the query may leave out (optional filters). The query is built once per set of
   * those present (`undefined` = absent), and the build function sees `undefined` for the others.
   */
  readonly optional?: readonly (keyof P & string)[];
}

interface TemplateMode {
  /** Rows as arrays in select-list order, past every plugin (see `arrayQueryTemplate`). */
  readonly arrays: boolean;
}

/**
 * A query built with Kysely once per shape and compiled once per database; every later call
 * binds new values into the cached SQL and runs it with `executeQuery` — no builder, plugin or
 * compiler work per request. The build function receives stand-ins for the values: it may put
 * them anywhere Kysely binds a value (comparisons, `values`, `set`, `limit`, `sql` fragments),
 * never use them in JavaScript (derive `limit + 1` and the like before the call), and must not
 * build differently for a null. Works on a transaction as on the database (the executor runs
 * it on its own connection), on SQLite and PostgreSQL; plugins still see every result.
 */
export class QueryTemplate<P extends object, O> {
  /** Per dialect adapter (one per storage: a database and its transactions share it), per shape. */
  readonly #cache = new WeakMap<object, Map<number, Prepared>>();
  readonly #optional: readonly (keyof P & string)[];
  readonly #arrays: boolean;

  constructor(
    readonly name: string,
    private readonly build: (db: Executor, params: P) => Buildable<O>,
    options: QueryTemplateOptions<P> = {},
    mode: TemplateMode = { arrays: false },
  ) {
    if (!/^[a-z][a-z0-9_.-]*$/i.test(name)) throw new Error(`invalid query template name: ${name}`);
    this.#optional = options.optional ?? [];
    if (this.#optional.length > 30) throw new Error('a query template takes at most 30 optional parameters');
    this.#arrays = mode.arrays;
  }

  /** Runs the query with `values` in the executor (a database or a transaction). */
  execute(db: Executor, values: P): Promise<QueryResult<O>> {
    const prepared = this.prepared(db, values);
    const { slots, constants, compiled } = prepared;
    const parameters = new Array<unknown>(slots.length);
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i];
      if (slot === null) {
        parameters[i] = constants[i];
      } else {
        const value = (values as Record<string, unknown>)[slot];
        // A missing value would bind NULL silently (or fail in the driver): a caller's bug.
        if (value === undefined) throw new Error(`query template ${this.name}: no value for ${slot}`);
        parameters[i] = value;
      }
    }
    const query = { query: compiled.query, queryId: compiled.queryId, sql: compiled.sql, parameters };
    // Array rows skip CamelCasePlugin, which would rebuild each array as an object.
    return this.#arrays ? withoutCamelCase(db).executeQuery<O>(query) : db.executeQuery<O>(query);
  }

  /** The rows of the query. */
  async rows(db: Executor, values: P): Promise<O[]> {
    return (await this.execute(db, values)).rows;
  }

  /** The first row, or undefined. */
  async first(db: Executor, values: P): Promise<O | undefined> {
    return (await this.execute(db, values)).rows[0];
  }

  /** The compiled SQL for these values' shape (tests and diagnostics). */
  sql(db: Executor, values: P): string {
    return this.prepared(db, values).compiled.sql;
  }

  private prepared(db: Executor, values: P): Prepared {
    const adapter = db.getExecutor().adapter;
    let shapes = this.#cache.get(adapter);
    if (shapes === undefined) {
      shapes = new Map();
      this.#cache.set(adapter, shapes);
    }
    let shape = 0;
    for (let i = 0; i < this.#optional.length; i++) {
      if ((values as Record<string, unknown>)[this.#optional[i]] !== undefined) shape |= 1 << i;
    }
    let prepared = shapes.get(shape);
    if (prepared === undefined) {
      prepared = this.compile(db, shape);
      shapes.set(shape, prepared);
    }
    return prepared;
  }

  private compile(db: Executor, shape: number): Prepared {
    const absent = new Set<string>(this.#optional.filter((_, i) => (shape & (1 << i)) === 0));
    const used = new Set<string>();
    const stand = new Proxy({} as P, {
      get(_target, key) {
        if (typeof key !== 'string' || absent.has(key)) return undefined;
        used.add(key);
        return new Placeholder(key);
      },
    });
    const built = this.build(db, stand);
    const compiled = 'isRawBuilder' in built ? built.compile(db) : built.compile();
    const slots = compiled.parameters.map((p) => (p instanceof Placeholder ? p.name : null));
    const bound = new Set(slots.filter((s): s is string => s !== null));
    const misused = [...used].filter((name) => !bound.has(name));
    // A stand-in used in JavaScript (arithmetic, a condition) or inlined into the SQL text would
    // freeze one request's value into every later one: refuse the template instead.
    if (misused.length > 0 || compiled.sql.includes('[object Object]')) {
      throw new Error(`query template ${this.name}: ${misused.join(', ') || 'a value'} is not bound as a parameter`);
    }
    const sql = `${TEMPLATE_SQL_PREFIX}${this.name}:${shape}${this.#arrays ? ARRAY_ROWS_MARK : ' */'} ${compiled.sql}`;
    return {
      compiled: { ...compiled, sql },
      slots,
      constants: compiled.parameters.map((p) => (p instanceof Placeholder ? undefined : p)),
    };
  }
}

/** Shorthand: `queryTemplate('name', (db, p) => db.selectFrom(…).where('id', '=', p.id))`. */
export function queryTemplate<P extends object, O>(
  name: string,
  build: (db: Executor, params: P) => Buildable<O>,
  options?: QueryTemplateOptions<P>,
): QueryTemplate<P, O> {
  return new QueryTemplate(name, build, options);
}

type QueryExecutor = ReturnType<Executor['getExecutor']>;

/** Each executor (a database or one transaction) without its CamelCasePlugin; the others stay. */
const uncased = new WeakMap<QueryExecutor, QueryExecutor>();

function withoutCamelCase(db: Executor): QueryExecutor {
  const executor = db.getExecutor();
  let bare = uncased.get(executor);
  if (bare === undefined) {
    const others = executor.plugins.filter((plugin) => !(plugin instanceof CamelCasePlugin));
    bare = executor.withoutPlugins().withPlugins(others);
    uncased.set(executor, bare);
  }
  return bare;
}

/** A query template whose rows are arrays, `T` being one row's tuple. */
export interface ArrayQueryTemplate<P extends object, T extends readonly unknown[]> {
  readonly name: string;
  rows(db: Executor, values: P): Promise<T[]>;
  first(db: Executor, values: P): Promise<T | undefined>;
  sql(db: Executor, values: P): string;
}

/**
 * A template read as arrays: each row is its values in select-list order, with no object built
 * per row and CamelCasePlugin (which would rebuild each row as an object) left out — other
 * plugins still see the result, as arrays — for hot reads that map rows
 * straight to a response. Half the driver's per-row work on SQLite (no keyed object per row);
 * the caller's positional mapping is the price, so keep it next to the select list. Raw SQL
 * names its own columns; builder selections come in the order written.
 */
export function arrayQueryTemplate<P extends object, T extends readonly unknown[]>(
  name: string,
  build: (db: Executor, params: P) => Buildable<unknown>,
  options?: QueryTemplateOptions<P>,
): ArrayQueryTemplate<P, T> {
  return new QueryTemplate<P, T>(name, build as (db: Executor, params: P) => Buildable<T>, options, {
    arrays: true,
  });
}

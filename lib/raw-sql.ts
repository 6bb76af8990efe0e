// Hand-written statements sent straight to the driver adapter, for the hot paths (a quote
// request from the public form). Prisma's query compiler and interpreter cost 0.5–1.4 ms of CPU
// per model query; the same statement through the adapter costs about 0.1 ms (README, "Speed").
// The adapter is the one lib/db's clients run on — libSQL, taking turns with every other client
// in the process (lib/db-serial.ts), or node-postgres — on a connection of its own.
//
// Statements are written once for both databases: double-quoted identifiers, `sql` placeholders
// (rendered `?` or `$n`), ISO timestamps passed as Date. Values come back as the adapter gives
// them (a count may be a string on PostgreSQL): callers convert what they read.
import "server-only";
import type { ArgType, SqlDriverAdapter, SqlQuery, SqlQueryable } from "@prisma/driver-adapter-utils";
import { createAdapterFactory, dialect, SQLITE_CONNECTION_SETTINGS, type TTx } from "@/lib/db";

export type TSqlValue = string | number | boolean | Date | null;
export type TSql = { readonly parts: readonly string[]; readonly values: readonly TSqlValue[] };
export type TSqlRow = Record<string, unknown>;

const isSql = (value: unknown): value is TSql => typeof value === "object" && value !== null && "parts" in value && "values" in value;

/** A statement or a fragment of one: values become parameters, nested fragments are spliced in. */
export function sql(strings: TemplateStringsArray, ...values: (TSqlValue | TSql)[]): TSql {
  const parts = [strings[0]!];
  const out: TSqlValue[] = [];
  values.forEach((value, index) => {
    if (isSql(value)) {
      parts[parts.length - 1] += value.parts[0]!;
      value.values.forEach((inner, i) => {
        out.push(inner);
        parts.push(value.parts[i + 1]!);
      });
      parts[parts.length - 1] += strings[index + 1]!;
    } else {
      out.push(value);
      parts.push(strings[index + 1]!);
    }
  });
  return { parts, values: out };
}

/** Fragments joined by a separator, e.g. the rows of a multi-row INSERT. */
export function joinSql(fragments: readonly TSql[], separator = ", "): TSql {
  return fragments.reduce((joined, fragment, index) => (index === 0 ? fragment : sql`${joined}${raw(separator)}${fragment}`), sql``);
}

function argType(value: TSqlValue): ArgType {
  const scalarType =
    value instanceof Date ? "datetime" : typeof value === "number" ? (Number.isInteger(value) ? "int" : "float") : typeof value === "boolean" ? "boolean" : typeof value === "string" ? "string" : "unknown";
  return { scalarType, arity: "scalar" };
}

export function toQuery(statement: TSql): SqlQuery {
  const text = statement.parts.reduce((joined, part, index) => `${joined}${dialect === "postgresql" ? `$${index}` : "?"}${part}`);
  return { sql: text, args: [...statement.values], argTypes: statement.values.map(argType) };
}

export type TSqlRunner = {
  query<T extends TSqlRow = TSqlRow>(statement: TSql): Promise<T[]>;
  execute(statement: TSql): Promise<number>;
};

function runnerOn(queryable: SqlQueryable): TSqlRunner {
  return {
    async query<T extends TSqlRow>(statement: TSql) {
      const result = await queryable.queryRaw(toQuery(statement));
      return result.rows.map((row) => Object.fromEntries(result.columnNames.map((name, index) => [name, row[index]])) as T);
    },
    execute: (statement) => queryable.executeRaw(toQuery(statement)),
  };
}

const globalForSql = globalThis as unknown as { ssgRawSql?: Promise<SqlDriverAdapter> };

function connection(): Promise<SqlDriverAdapter> {
  globalForSql.ssgRawSql ??= (async () => {
    const adapter = await createAdapterFactory().connect();
    if (dialect === "sqlite") await adapter.executeScript(SQLITE_CONNECTION_SETTINGS.join("; "));
    return adapter;
  })();
  return globalForSql.ssgRawSql;
}

const END = (statement: "COMMIT" | "ROLLBACK"): SqlQuery => ({ sql: statement, args: [], argTypes: [] });

/**
 * Runs `work` in one transaction and commits it, or rolls it back if `work` throws. On SQLite
 * the transaction starts deferred: make its first statement a write, so that it takes the write
 * lock (waiting out another process's) before it reads anything.
 */
async function transaction<T>(work: (tx: TSqlRunner) => Promise<T>): Promise<T> {
  const tx = await (await connection()).startTransaction();
  // libSQL's transaction ends itself; node-postgres' wants the statement first (as Prisma does).
  const explicit = !tx.options.usePhantomQuery;
  let result: T;
  try {
    result = await work(runnerOn(tx));
  } catch (error) {
    try {
      if (explicit) await tx.executeRaw(END("ROLLBACK"));
    } finally {
      await tx.rollback();
    }
    throw error;
  }
  try {
    if (explicit) await tx.executeRaw(END("COMMIT"));
  } finally {
    await tx.commit();
  }
  return result;
}

/** Statements outside a transaction, and `transaction`. An object, so tests can stand in for a part. */
export const rawSql = {
  query: async <T extends TSqlRow = TSqlRow>(statement: TSql) => runnerOn(await connection()).query<T>(statement),
  execute: async (statement: TSql) => runnerOn(await connection()).execute(statement),
  transaction,
};

/** A unique index refused the write (through the adapter, as through Prisma: P2002). */
export function isUniqueViolation(error: unknown): boolean {
  const cause = error && typeof error === "object" && "cause" in error ? (error.cause as { kind?: unknown } | undefined) : undefined;
  const code = error && typeof error === "object" && "code" in error ? error.code : undefined;
  return cause?.kind === "UniqueConstraintViolation" || code === "P2002";
}

/** The same statements inside a Prisma transaction, for code that runs in both (a document number). */
export function asSqlRunner(client: TSqlRunner | TTx): TSqlRunner {
  if ("query" in client && "execute" in client) return client;
  const prisma = client;
  return {
    query: <T extends TSqlRow>(statement: TSql) => {
      const query = toQuery(statement);
      return prisma.$queryRawUnsafe<T[]>(query.sql, ...query.args);
    },
    execute: (statement) => {
      const query = toQuery(statement);
      return prisma.$executeRawUnsafe(query.sql, ...query.args);
    },
  };
}

/** INSERT of one row, its columns named by the keys (code constants, never input). */
export function insertSql(table: string, row: Record<string, TSqlValue>): TSql {
  const columns = Object.keys(row);
  const values = joinSql(columns.map((column) => sql`${row[column]!}`));
  return sql`${raw(`INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(", ")}) VALUES (`)}${values}${raw(")")}`;
}

/** Text spliced in as it is: identifiers and keywords from code, never input. */
export function raw(text: string): TSql {
  return { parts: [text], values: [] };
}

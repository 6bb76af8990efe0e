// One Prisma client per process, on the driver adapter for DATABASE_URL: libSQL for a file: URL
// (the embedded default), node-postgres for a postgresql:// one. Kept on globalThis because Next
// evaluates modules once for instrumentation and again for routes.
import "server-only";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/lib/generated/prisma-pg/client";
import { serialized } from "@/lib/db-serial";
import { env } from "@/lib/env";

/** Which SQL the database speaks: SQLite (a file: URL, the embedded default) or PostgreSQL. */
export type TDialect = "sqlite" | "postgresql";
export const dialect: TDialect = /^postgres(ql)?:/.test(env.DATABASE_URL) ? "postgresql" : "sqlite";

// Password hashes are left out of every query unless one asks for them by name.
const omit = { adminUser: { passwordHash: true } } as const;

function createSqliteAdapter(): SqlDriverAdapterFactory {
  // The timeout is libsql's busy timeout: a second writer on the same file waits instead of
  // failing with SQLITE_BUSY (see README, "SQLite").
  // Serialized with every other client in this process: see lib/db-serial.ts.
  return serialized(new PrismaLibSQL({ url: env.DATABASE_URL, timeout: 5000 }));
}

function createSqliteClient() {
  return new PrismaClient({ adapter: createSqliteAdapter(), omit });
}

export type TDb = ReturnType<typeof createSqliteClient>;

/**
 * The PostgreSQL client. Both clients are generated from one schema (prisma/postgresql is derived
 * from prisma/schema.prisma), so they have the same models and the same query API: the code is
 * typed against the SQLite one, and these two casts are the only place that says so.
 * @prisma/adapter-pg is 7.x (its 6.19 release cannot run migrations): its factory has the 6.19
 * interface but names the 7.x package's types.
 */
function createPostgresAdapter(): SqlDriverAdapterFactory {
  return new PrismaPg({
    connectionString: env.DATABASE_URL,
    max: env.DATABASE_POOL_SIZE,
    // timestamp columns hold UTC (Prisma's convention); SQL defaults (CURRENT_TIMESTAMP) and
    // date arithmetic must agree with it whatever the server's own time zone is.
    options: "-c TimeZone=UTC",
  }) as unknown as SqlDriverAdapterFactory;
}

function createPostgresClient(): TDb {
  const adapter = createPostgresAdapter();
  // An interactive transaction holds one of the pool's connections from start to commit, so in a
  // burst larger than the pool the later ones queue for a connection: let them wait that out
  // (Prisma's default gives up after 2 s) rather than fail a customer's request.
  return new PostgresPrismaClient({ adapter, omit, transactionOptions: { maxWait: 10_000 } }) as unknown as TDb;
}

/** The driver adapter a client runs on; lib/raw-sql.ts sends hand-written statements straight to one. */
export function createAdapterFactory(): SqlDriverAdapterFactory {
  return dialect === "postgresql" ? createPostgresAdapter() : createSqliteAdapter();
}

/** A new client; the app shares `db`, the message dispatcher keeps its own (see lib/outbox). */
export function createClient(): TDb {
  return dialect === "postgresql" ? createPostgresClient() : createSqliteClient();
}

export type TTx = Parameters<Parameters<TDb["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { ssgDb?: TDb; ssgDbReady?: Promise<void> };

export const db: TDb = (globalForDb.ssgDb ??= createClient());

/**
 * How commands write: `work` runs in one transaction, a new one on the shared client, or the
 * caller's `tx` when the command is one step of a bigger change (accepting a quote answers in the
 * quote's transaction and makes the order in it too). Commands take no client of their own.
 */
export function inTransaction<T>(work: (tx: TTx) => Promise<T>, tx?: TTx): Promise<T> {
  return tx ? work(tx) : db.$transaction(work);
}

/**
 * SQLite settings that belong to a connection, not to the file: every client must set them on
 * its own (the adapter runs one client's queries one at a time, so they stay on one connection).
 * Without them a client commits with synchronous=FULL, an fsync per write.
 */
export async function tuneConnection(client: TDb): Promise<void> {
  if (dialect !== "sqlite") return;
  for (const setting of SQLITE_CONNECTION_SETTINGS) await client.$queryRawUnsafe(setting);
}

export const SQLITE_CONNECTION_SETTINGS = [
  "PRAGMA synchronous=NORMAL",
  "PRAGMA busy_timeout=5000",
  // A 64 MiB page cache and memory-mapped reads: list searches scan the quote index, and
  // this halves their time at 100,000 quotes.
  "PRAGMA cache_size=-65536",
  "PRAGMA mmap_size=268435456",
];

/** The database file's settings and the shared client's connection settings. Idempotent. */
export function prepareDatabase(): Promise<void> {
  globalForDb.ssgDbReady ??= (async () => {
    if (dialect !== "sqlite") return;
    // journal_mode is kept in the file; it returns a row, so it goes through $queryRawUnsafe.
    await db.$queryRawUnsafe("PRAGMA journal_mode=WAL");
    await tuneConnection(db);
  })();
  return globalForDb.ssgDbReady;
}

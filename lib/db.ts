// One Prisma client per process, on the driver adapter for DATABASE_URL. Kept on globalThis
// because Next evaluates modules once for instrumentation and again for routes.
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { serialized } from "@/lib/db-serial";
import { env } from "@/lib/env";

/** A new client; the app shares `db`, the message dispatcher keeps its own (see lib/outbox). */
export function createClient() {
  // The timeout is libsql's busy timeout: a second writer on the same file waits instead of
  // failing with SQLITE_BUSY (see README, "SQLite").
  // Serialized with every other client in this process: see lib/db-serial.ts.
  const adapter = serialized(new PrismaLibSQL({ url: env.DATABASE_URL, timeout: 5000 }));
  // Password hashes are left out of every query unless one asks for them by name.
  return new PrismaClient({ adapter, omit: { adminUser: { passwordHash: true } } });
}

export type TDb = ReturnType<typeof createClient>;

/** Which SQL the database speaks: SQLite (a file: URL, the embedded default) or PostgreSQL. */
export type TDialect = "sqlite" | "postgresql";
export const dialect: TDialect = /^postgres(ql)?:/.test(env.DATABASE_URL) ? "postgresql" : "sqlite";
export type TTx = Parameters<Parameters<TDb["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { ssgDb?: TDb; ssgDbReady?: Promise<void> };

export const db: TDb = (globalForDb.ssgDb ??= createClient());

/**
 * SQLite settings that belong to a connection, not to the file: every client must set them on
 * its own (the adapter runs one client's queries one at a time, so they stay on one connection).
 * Without them a client commits with synchronous=FULL, an fsync per write.
 */
export async function tuneConnection(client: TDb): Promise<void> {
  if (!env.DATABASE_URL.startsWith("file:")) return;
  await client.$queryRawUnsafe("PRAGMA synchronous=NORMAL");
  await client.$queryRawUnsafe("PRAGMA busy_timeout=5000");
  // A 64 MiB page cache and memory-mapped reads: list searches scan the quote index, and
  // this halves their time at 100,000 quotes.
  await client.$queryRawUnsafe("PRAGMA cache_size=-65536");
  await client.$queryRawUnsafe("PRAGMA mmap_size=268435456");
}

/** The database file's settings and the shared client's connection settings. Idempotent. */
export function prepareDatabase(): Promise<void> {
  globalForDb.ssgDbReady ??= (async () => {
    if (!env.DATABASE_URL.startsWith("file:")) return;
    // journal_mode is kept in the file; it returns a row, so it goes through $queryRawUnsafe.
    await db.$queryRawUnsafe("PRAGMA journal_mode=WAL");
    await tuneConnection(db);
  })();
  return globalForDb.ssgDbReady;
}

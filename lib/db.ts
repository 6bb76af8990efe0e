// One Prisma client per process, on the driver adapter for DATABASE_URL. Kept on globalThis
// because Next evaluates modules once for instrumentation and again for routes.
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

/** A new client; the app shares `db`, the message dispatcher keeps its own (see lib/outbox). */
export function createClient() {
  // The timeout is libsql's busy timeout: a second writer on the same file waits instead of
  // failing with SQLITE_BUSY (see README, "SQLite").
  const adapter = new PrismaLibSQL({ url: env.DATABASE_URL, timeout: 5000 });
  // Password hashes are left out of every query unless one asks for them by name.
  return new PrismaClient({ adapter, omit: { adminUser: { passwordHash: true } } });
}

export type TDb = ReturnType<typeof createClient>;
export type TTx = Parameters<Parameters<TDb["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { ssgDb?: TDb; ssgDbReady?: Promise<void> };

export const db: TDb = (globalForDb.ssgDb ??= createClient());

/** SQLite settings that must hold on the connection before load arrives. Idempotent. */
export function prepareDatabase(): Promise<void> {
  globalForDb.ssgDbReady ??= (async () => {
    if (!env.DATABASE_URL.startsWith("file:")) return;
    // journal_mode returns a row, so it goes through $queryRawUnsafe.
    await db.$queryRawUnsafe("PRAGMA journal_mode=WAL");
    await db.$queryRawUnsafe("PRAGMA synchronous=NORMAL");
    await db.$queryRawUnsafe("PRAGMA busy_timeout=5000");
    // A 64 MiB page cache and memory-mapped reads: list searches scan the quote index, and
    // this halves their time at 100,000 quotes.
    await db.$queryRawUnsafe("PRAGMA cache_size=-65536");
    await db.$queryRawUnsafe("PRAGMA mmap_size=268435456");
  })();
  return globalForDb.ssgDbReady;
}

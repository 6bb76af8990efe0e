// One SQL operation at a time per process, across every Prisma client in it.
//
// libSQL runs SQLite synchronously: a write that meets a lock waits inside the busy handler and
// blocks the whole event loop. If another client in this same process holds that lock (an open
// interactive transaction between two statements), it can never reach its COMMIT, and both stall
// for the full busy timeout (5 s) before one fails with SQLITE_BUSY. Each adapter already runs
// its own client's work one at a time; this lock extends that to all clients in the process (the
// shared one, the dispatcher's own, the mail catcher's), so locks are only ever contended by
// other processes, where the busy timeout works as intended.
//
// Never use a second client inside another client's interactive transaction: it would wait for
// the lock that transaction holds.
import type { IsolationLevel, SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";

type TRelease = () => void;

const globalForLock = globalThis as unknown as { ssgSqlLockTail?: Promise<void> };

/** Waits for the process-wide lock; call the returned function exactly once to release it. */
function acquire(): Promise<TRelease> {
  const previous = globalForLock.ssgSqlLockTail ?? Promise.resolve();
  let release!: TRelease;
  const released = new Promise<void>((resolve) => (release = resolve));
  globalForLock.ssgSqlLockTail = previous.then(() => released);
  return previous.then(() => release);
}

async function locked<T>(work: () => Promise<T>): Promise<T> {
  const release = await acquire();
  try {
    return await work();
  } finally {
    release();
  }
}

/** The transaction keeps the lock from its start until it commits or rolls back. */
function serialTransaction(tx: Transaction, release: TRelease): Transaction {
  let open = true;
  const end = async (finish: () => Promise<void>) => {
    try {
      await finish();
    } finally {
      if (open) {
        open = false;
        release();
      }
    }
  };
  return {
    provider: tx.provider,
    adapterName: tx.adapterName,
    options: tx.options,
    queryRaw: (query: SqlQuery) => tx.queryRaw(query),
    executeRaw: (query: SqlQuery) => tx.executeRaw(query),
    commit: () => end(() => tx.commit()),
    rollback: () => end(() => tx.rollback()),
  };
}

function serialAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => locked(() => adapter.queryRaw(query)),
    executeRaw: (query) => locked(() => adapter.executeRaw(query)),
    executeScript: (script) => locked(() => adapter.executeScript(script)),
    async startTransaction(isolationLevel?: IsolationLevel) {
      const release = await acquire();
      try {
        return serialTransaction(await adapter.startTransaction(isolationLevel), release);
      } catch (error) {
        release();
        throw error;
      }
    },
    getConnectionInfo: adapter.getConnectionInfo ? () => adapter.getConnectionInfo!() : undefined,
    dispose: () => adapter.dispose(),
  };
}

/** Wraps a driver adapter factory so that its connections take the process-wide lock. */
export function serialized(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => serialAdapter(await factory.connect()),
  };
}

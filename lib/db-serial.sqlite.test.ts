// Two Prisma clients in one process on one SQLite file: the dispatcher's own client beside the
// shared one. libSQL waits for a lock synchronously, so without the process-wide lock a write on
// one client, made while the other holds an open transaction, blocks the event loop that
// transaction needs to commit: both stall for the busy timeout and one fails with SQLITE_BUSY.
import { afterAll, describe, expect, it } from "vitest";
import { createClient } from "@/lib/db";

// The lock wraps only SQLite's adapter (PostgreSQL's clients take pooled connections and wait
// for row locks without blocking the event loop), so this file runs in the SQLite run only
// (`.sqlite.test.ts`, vitest.config.ts).

const holder = createClient();
const other = createClient();

afterAll(async () => {
  await holder.$disconnect();
  await other.$disconnect();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the process-wide SQLite lock", () => {
  it("lets a second client's write wait for the first client's open transaction instead of deadlocking", async () => {
    const order: string[] = [];
    let wrote!: () => void;
    const holding = new Promise<void>((resolve) => (wrote = resolve));
    const transaction = holder.$transaction(async (tx) => {
      await tx.customer.create({ data: { name: "Holder", contactPreference: "email", email: "holder@example.com" } });
      wrote();
      // The write lock is held across this await, as in any interactive transaction.
      await sleep(100);
      order.push("transaction done");
    });
    await holding;
    const write = other.customer.create({ data: { name: "Other", contactPreference: "email", email: "other@example.com" } }).then(() => order.push("other write done"));
    await Promise.all([transaction, write]);
    expect(order).toEqual(["transaction done", "other write done"]);
    expect(await other.customer.count({ where: { name: { in: ["Holder", "Other"] } } })).toBe(2);
  });

  it("releases the lock when a transaction fails, so later work goes on", async () => {
    await expect(
      holder.$transaction(async (tx) => {
        await tx.customer.create({ data: { name: "Rolled back", contactPreference: "email", email: "rolled@example.com" } });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await other.customer.count({ where: { name: "Rolled back" } })).toBe(0);
    await other.customer.create({ data: { name: "After", contactPreference: "email", email: "after@example.com" } });
    expect(await holder.customer.count({ where: { name: "After" } })).toBe(1);
  });
});

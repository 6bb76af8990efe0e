// Bulk orders for benchmarks: one order on each of fillQuotes' quotes (and so one per customer),
// with the shape of a real business: old orders are delivered or cancelled, the last few weeks'
// are spread over the open statuses.
import { benchClient, fillQuotes } from "./fill.ts";

const OPEN = ["confirmed", "in_production", "ready", "out_for_delivery"];
const DAY_MS = 86_400_000;

/** `count` customers, each with one accepted quote and its order (fillQuotes' ids and spacing). */
export async function fillOrders(databaseUrl: string, count: number, batch = 5000): Promise<void> {
  await fillQuotes(databaseUrl, count, batch);
  const db = await benchClient(databaseUrl);
  const now = Date.now();
  for (let offset = 0; offset < count; offset += batch) {
    const size = Math.min(batch, count - offset);
    const quotes = await db.quote.findMany({
      where: { id: { in: Array.from({ length: size }, (_, i) => `bench-q-${offset + i}`) } },
      select: { id: true, number: true, customerId: true, budgetCents: true, createdAt: true, customer: { select: { name: true, email: true, phone: true } } },
    });
    await db.order.createMany({
      data: quotes.map((quote) => {
        const n = Number(quote.id.slice("bench-q-".length));
        // A day after its quote, but never in the future (the newest quotes are minutes old).
        const createdAt = new Date(Math.min(quote.createdAt.getTime() + DAY_MS, now));
        const ageDays = (now - createdAt.getTime()) / DAY_MS;
        const status = ageDays > 30 ? (n % 10 === 0 ? "cancelled" : "delivered") : OPEN[n % OPEN.length]!;
        const totalCents = (quote.budgetCents ?? 50_000) + (n % 7) * 1_000;
        const number = `O-${createdAt.getUTCFullYear()}-${String(n + 1).padStart(6, "0")}`;
        return {
          id: `bench-o-${n}`,
          number,
          quoteId: quote.id,
          customerId: quote.customerId,
          status,
          description: "Birthday gift hamper",
          totalCents,
          paidCents: status === "delivered" ? totalCents : n % 3 === 0 ? 0 : Math.round(totalCents / 2),
          currency: "ZAR",
          // One in twenty has no delivery date yet.
          deliveryDate: n % 20 === 0 ? null : new Date(createdAt.getTime() + (7 + (n % 14)) * DAY_MS).toISOString().slice(0, 10),
          deliveryAddress: "12 Long Street, Cape Town",
          searchText: [number, quote.number, quote.customer.name, quote.customer.email, quote.customer.phone].filter(Boolean).join(" ").toLowerCase(),
          createdAt,
        };
      }),
    });
  }
  // Every quote with an order was accepted; one statement (an IN list of 5,000 ids is over the limit).
  await db.$executeRawUnsafe(`UPDATE "Quote" SET "status" = 'accepted' WHERE "id" LIKE 'bench-q-%'`);
  await db.$disconnect();
}

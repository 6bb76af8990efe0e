// Bulk rows for benchmarks, written straight through Prisma in large batches, on the bench's
// database (SQLite or PostgreSQL, whichever DATABASE_URL names).
import { contactSnapshotOf } from "../../lib/customers/recipient.ts";
import { openBenchDatabase } from "./database.ts";

const FIRST = ["Ann", "Thabo", "Lerato", "Pieter", "Zanele", "Sipho", "Megan", "Ayanda", "Johan", "Naledi", "Kagiso", "Chloe"];
const LAST = ["Mokoena", "van der Merwe", "Naidoo", "Dlamini", "Botha", "Khumalo", "Smith", "Pillay", "Nkosi", "Jacobs"];
const STATUSES = ["new", "quoted", "accepted", "declined", "expired", "cancelled"];

/** A client of its own (the caller disconnects it) on the bench database, of the app's kind. */
export async function benchClient(databaseUrl: string) {
  // Checks that lib/ points at this database, and sets the SQLite file's settings.
  await openBenchDatabase(databaseUrl);
  const { createClient, tuneConnection } = await import("../../lib/db.ts");
  const client = createClient();
  await tuneConnection(client);
  return client;
}

/** `count` customers with one quote each, spread over the last two years. */
export async function fillQuotes(databaseUrl: string, count: number, batch = 5000): Promise<void> {
  const db = await benchClient(databaseUrl);
  const now = Date.now();
  for (let offset = 0; offset < count; offset += batch) {
    const size = Math.min(batch, count - offset);
    const customers = Array.from({ length: size }, (_, i) => {
      const n = offset + i;
      const name = `${FIRST[n % FIRST.length]} ${LAST[Math.floor(n / FIRST.length) % LAST.length]} ${n}`;
      return {
        id: `bench-c-${n}`,
        name,
        email: `customer${n}@example.com`,
        phone: `2782${String(n).padStart(7, "0")}`,
        contactPreference: n % 3 === 0 ? "email" : "whatsapp",
        whatsappConsentAt: n % 3 === 0 ? null : new Date(now - n * 600_000),
      };
    });
    await db.customer.createMany({ data: customers });
    await db.quote.createMany({
      data: customers.map((customer, i) => {
        const n = offset + i;
        const createdAt = new Date(now - n * 600_000);
        const number = `Q-${createdAt.getUTCFullYear()}-${String(n + 1).padStart(6, "0")}`;
        return {
          id: `bench-q-${n}`,
          number,
          customerId: customer.id,
          ...contactSnapshotOf(customer),
          status: STATUSES[n % STATUSES.length]!,
          occasion: "Birthday gift hamper",
          budgetCents: 50_000 + (n % 40) * 2_500,
          currency: "ZAR",
          neededBy: new Date(createdAt.getTime() + 14 * 86_400_000).toISOString().slice(0, 10),
          deliveryArea: "Cape Town",
          searchText: `${number} ${customer.name} ${customer.email} ${customer.phone}`.toLowerCase(),
          createdAt,
        };
      }),
    });
  }
  await db.$disconnect();
}

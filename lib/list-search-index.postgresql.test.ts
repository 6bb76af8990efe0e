// PostgreSQL: the list searches (LIKE '%…%', which no B-tree serves) are answered from their
// trigram indexes, not by reading every row. EXPLAIN of each list's own search condition on tables
// of 100,000 rows (the size the issue names). On SQLite the search scans the index of the list's order instead (fast enough
// for a file, measured by `npm run bench:list`), so this file runs in the PostgreSQL run only.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { searchConditions, whereAll } from "@/lib/list-sql";
import { SEARCH_TEXT as CUSTOMER_SEARCH_TEXT } from "@/lib/customers/queries";

const ROWS = 100_000;

async function planOf(table: "Quote" | "Order" | "Customer", where: Prisma.Sql): Promise<string> {
  const rows = await db.$queryRaw<{ "QUERY PLAN": string }[]>`
    EXPLAIN SELECT "id" FROM ${Prisma.raw(`"${table}"`)} ${where} ORDER BY "createdAt" DESC, "id" DESC LIMIT 26`;
  return rows.map((row) => row["QUERY PLAN"]).join("\n");
}

describe("the list searches on PostgreSQL", () => {
  beforeAll(async () => {
    // Rows shaped like the benchmark's (scripts/bench/fill.ts), made in SQL: one customer, quote
    // and order per n, one a minute apart.
    await db.$executeRawUnsafe(`
      INSERT INTO "Customer" ("id", "name", "email", "phone", "createdAt", "updatedAt")
      SELECT 'c-' || n, 'Thabo Mokoena ' || n, 'customer' || n || '@example.com', '2782' || lpad(n::text, 7, '0'),
             now() - n * interval '1 minute', now()
      FROM generate_series(1, ${ROWS}) AS n`);
    await db.$executeRawUnsafe(`
      INSERT INTO "Quote" ("id", "number", "customerId", "contactName", "occasion", "notes", "currency", "searchText", "createdAt", "updatedAt")
      SELECT 'q-' || n, 'Q-2026-' || lpad(n::text, 6, '0'), 'c-' || n, 'Thabo Mokoena ' || n, 'Birthday', notes, 'ZAR',
             lower('Q-2026-' || lpad(n::text, 6, '0') || ' thabo mokoena ' || n || ' customer' || n || '@example.com 2782' || lpad(n::text, 7, '0') || ' birthday ' || notes),
             now() - n * interval '1 minute', now()
      FROM generate_series(1, ${ROWS}) AS n,
           -- The request's words (lib/search-text.ts): one request in 1,000 asks for succulents.
           LATERAL (SELECT CASE WHEN n % 1000 = 0 THEN 'A box of succulents, no cactus' ELSE 'Chocolates and a card' END AS notes) AS request`);
    await db.$executeRawUnsafe(`
      INSERT INTO "Order" ("id", "number", "quoteId", "customerId", "description", "totalCents", "currency", "searchText", "createdAt", "updatedAt")
      SELECT 'o-' || q."id", replace(q."number", 'Q-', 'O-'), q."id", q."customerId", 'Hamper', 50000, 'ZAR', 'o' || q."searchText", q."createdAt", now()
      FROM "Quote" q`);
    await db.$executeRawUnsafe(`ANALYZE "Customer", "Quote", "Order"`);
  }, 120_000);

  it.each([
    ["Quote", "Quote_searchText_trgm_idx"],
    ["Order", "Order_searchText_trgm_idx"],
  ] as const)("finds one %s by a customer's email from its trigram index", async (table, index) => {
    const plan = await planOf(table, whereAll(searchConditions("customer41234@")));
    expect(plan).toContain(`Bitmap Index Scan on "${index}"`);
    expect(plan).not.toContain("Seq Scan");
  });

  it("finds the quotes whose request asks for succulents from the trigram index, fast", async () => {
    const where = whereAll(searchConditions("succulents"));
    expect(await planOf("Quote", where)).toContain(`Bitmap Index Scan on "Quote_searchText_trgm_idx"`);
    const started = performance.now();
    const rows = await db.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Quote" ${where}`;
    const elapsed = performance.now() - started;
    expect(rows).toHaveLength(ROWS / 1000);
    // A sequential scan of 100,000 rows took 48–128 ms here; the index answers in a few.
    expect(elapsed).toBeLessThan(200);
    console.info(`Quote search by a request's word on ${ROWS} rows: ${rows.length} found in ${elapsed.toFixed(1)} ms`);
  });

  it("finds one customer by email from the index on the list's search expression", async () => {
    const plan = await planOf("Customer", whereAll(searchConditions("customer41234@", CUSTOMER_SEARCH_TEXT)));
    expect(plan).toContain(`Bitmap Index Scan on "Customer_search_trgm_idx"`);
    expect(plan).not.toContain("Seq Scan");
  });

  it("answers the search itself: the row that matches, and only it", async () => {
    const rows = await db.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Quote" ${whereAll(searchConditions("customer41234@"))}`;
    expect(rows.map((row) => row.id)).toEqual(["q-41234"]);
  });
});

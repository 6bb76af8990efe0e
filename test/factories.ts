// Small builders for integration tests: rows written straight to the test database.
import { db } from "@/lib/db";

let sequence = 0;

export async function makeAdmin(overrides: { email?: string; name?: string } = {}) {
  sequence++;
  return db.adminUser.create({ data: { email: overrides.email ?? `admin${sequence}@example.com`, name: overrides.name ?? `Admin ${sequence}`, passwordHash: "not-a-real-hash" } });
}

export async function makeQuote(overrides: { status?: string; name?: string; email?: string; phone?: string | null; createdAt?: Date; budgetCents?: number; neededBy?: string } = {}) {
  sequence++;
  const name = overrides.name ?? `Customer ${sequence}`;
  const email = overrides.email ?? `customer${sequence}@example.com`;
  const phone = overrides.phone === undefined ? `2782${String(2000000 + sequence)}` : overrides.phone;
  const number = `Q-2026-${String(sequence).padStart(4, "0")}`;
  return db.quote.create({
    data: {
      number,
      status: overrides.status ?? "new",
      occasion: "Birthday hamper",
      currency: "ZAR",
      budgetCents: overrides.budgetCents ?? 50_000,
      neededBy: overrides.neededBy ?? null,
      createdAt: overrides.createdAt,
      searchText: [number, name, email, phone].filter(Boolean).join(" ").toLowerCase(),
      customer: { create: { name, email, phone, contactPreference: "whatsapp", whatsappConsentAt: new Date() } },
    },
  });
}

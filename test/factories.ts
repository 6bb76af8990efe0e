// Small builders for integration tests: rows written straight to the test database, with
// unique numbers, emails and phones so tests in one file never collide.
import { db } from "@/lib/db";
import { roleOf, type TAdminRole } from "@/lib/roles";
import type { TAdmin } from "@/lib/auth/session";
import { contactSnapshotOf } from "@/lib/customers/recipient";
import { orderSearchText, quoteSearchText } from "@/lib/search-text";

let sequence = 0;
const next = () => ++sequence;

export async function makeAdmin(overrides: { email?: string; name?: string; role?: string } = {}) {
  const n = next();
  return db.adminUser.create({
    data: {
      email: overrides.email ?? `admin${n}@example.com`,
      name: overrides.name ?? `Admin ${n}`,
      // Owners can do everything, so tests of any action can use the default; pass "staff" to test the limits.
      role: overrides.role ?? "owner",
      passwordHash: "not-a-real-hash",
    },
  });
}

/** An admin in the shape `getAdmin()` returns, for mocking the session. */
export async function makeSignedInAdmin(overrides: { name?: string; role?: TAdminRole } = {}): Promise<TAdmin> {
  const admin = await makeAdmin(overrides);
  return { id: admin.id, email: admin.email, name: admin.name, role: roleOf(admin.role) };
}

type TCustomerOverrides = {
  name?: string;
  email?: string | null;
  phone?: string | null;
  contactPreference?: "email" | "whatsapp";
  whatsappConsentAt?: Date | null;
  whatsappConsentSource?: string | null;
  whatsappOptedOutAt?: Date | null;
};

export async function makeCustomer(overrides: TCustomerOverrides = {}) {
  const n = next();
  const whatsapp = (overrides.contactPreference ?? "whatsapp") === "whatsapp";
  return db.customer.create({
    data: {
      name: overrides.name ?? `Customer ${n}`,
      email: overrides.email === undefined ? `customer${n}@example.com` : overrides.email,
      phone: overrides.phone === undefined ? `2782${String(1_000_000 + n)}` : overrides.phone,
      contactPreference: overrides.contactPreference ?? "whatsapp",
      whatsappConsentAt: overrides.whatsappConsentAt === undefined ? (whatsapp ? new Date() : null) : overrides.whatsappConsentAt,
      whatsappConsentSource: overrides.whatsappConsentSource === undefined ? (whatsapp ? "quote-form" : null) : overrides.whatsappConsentSource,
      whatsappOptedOutAt: overrides.whatsappOptedOutAt ?? null,
    },
  });
}

type TQuoteOverrides = TCustomerOverrides & {
  /** Use this customer instead of making a new one. */
  customerId?: string;
  number?: string;
  status?: string;
  occasion?: string;
  budgetCents?: number | null;
  neededBy?: string | null;
  deliveryArea?: string | null;
  notes?: string | null;
  quotedAmountCents?: number | null;
  createdAt?: Date;
  /** Also write the first timeline entry, as the public form does. */
  withRequestEvent?: boolean;
};

/** A quote with its own new customer (or `customerId`'s), and searchText filled as the form fills it. */
export async function makeQuote(overrides: TQuoteOverrides = {}) {
  const customer = overrides.customerId
    ? await db.customer.findUniqueOrThrow({ where: { id: overrides.customerId } })
    : await makeCustomer(overrides);
  const n = next();
  const number = overrides.number ?? `Q-2026-${String(n).padStart(4, "0")}`;
  const createdAt = overrides.createdAt ?? new Date();
  return db.quote.create({
    data: {
      number,
      customerId: customer.id,
      ...contactSnapshotOf(customer),
      status: overrides.status ?? "new",
      occasion: overrides.occasion ?? "Birthday hamper",
      currency: "ZAR",
      budgetCents: overrides.budgetCents === undefined ? 50_000 : overrides.budgetCents,
      neededBy: overrides.neededBy ?? null,
      deliveryArea: overrides.deliveryArea ?? null,
      notes: overrides.notes ?? null,
      quotedAmountCents: overrides.quotedAmountCents ?? null,
      createdAt,
      searchText: quoteSearchText({
        number,
        contactName: customer.name,
        contactEmail: customer.email,
        contactPhone: customer.phone,
        occasion: overrides.occasion ?? "Birthday hamper",
        deliveryArea: overrides.deliveryArea ?? null,
        notes: overrides.notes ?? null,
        quoteMessage: null,
      }),
      statusEvents: overrides.withRequestEvent ? { create: { toStatus: "new", note: "Requested on the website.", createdAt } } : undefined,
    },
  });
}

type TOrderOverrides = TQuoteOverrides & {
  /** Use this accepted quote instead of making a new one. */
  quoteId?: string;
  orderNumber?: string;
  orderStatus?: string;
  description?: string;
  totalCents?: number;
  paidCents?: number;
  deliveryDate?: string | null;
  deliveryAddress?: string | null;
  orderCreatedAt?: Date;
};

/** An order on an accepted quote (made here unless `quoteId` is given), searchText filled as the app fills it. */
export async function makeOrder(overrides: TOrderOverrides = {}) {
  const quote = overrides.quoteId
    ? await db.quote.findUniqueOrThrow({ where: { id: overrides.quoteId } })
    : await makeQuote({ ...overrides, status: "accepted", quotedAmountCents: overrides.totalCents ?? 75_000 });
  const customer = await db.customer.findUniqueOrThrow({ where: { id: quote.customerId } });
  const n = next();
  const number = overrides.orderNumber ?? `O-2026-${String(n).padStart(4, "0")}`;
  return db.order.create({
    data: {
      number,
      quoteId: quote.id,
      customerId: customer.id,
      status: overrides.orderStatus ?? "confirmed",
      description: overrides.description ?? quote.occasion,
      totalCents: overrides.totalCents ?? quote.quotedAmountCents ?? 75_000,
      paidCents: overrides.paidCents ?? 0,
      currency: "ZAR",
      deliveryDate: overrides.deliveryDate ?? null,
      deliveryAddress: overrides.deliveryAddress ?? null,
      createdAt: overrides.orderCreatedAt ?? new Date(),
      searchText: orderSearchText({ number, customerName: customer.name, quote }),
    },
  });
}

// Retry and Discard are public endpoints like every server action: they check the session and
// their input, act once (a second click or another admin is refused with a reason), and record
// who acted. Runs against the real database and the real apply path.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { TAdmin } from "@/lib/auth/session";
import { makeSignedInAdmin } from "@/test/factories";
import { messagesEnvelope, statusPart } from "@/test/webhook-requests";

let signedIn: TAdmin | null = null;
vi.mock("@/lib/auth/session", () => ({ getAdmin: async () => signedIn, requireAdmin: async () => signedIn }));
const revalidatePath = vi.fn();
vi.mock("next/cache", () => ({ revalidatePath: (...args: unknown[]) => revalidatePath(...args) }));

const { retryParkedDeliveryAction, discardParkedDeliveryAction } = await import("./actions");

const SIGNED_OUT = "Your session has ended. Sign in again to continue.";
const WAMID = "wamid.PARKED-1";

async function parkedDelivery(overrides: { parkedAt?: Date | null; processedAt?: Date | null } = {}) {
  const body = JSON.stringify(messagesEnvelope({ statuses: [statusPart(WAMID, "delivered", 1_732_450_000)] }));
  return db.webhookDelivery.create({
    data: { source: "whatsapp", body, attempts: 5, lastError: "P2002: Unique constraint failed", parkedAt: overrides.parkedAt === undefined ? new Date() : overrides.parkedAt, processedAt: overrides.processedAt ?? null },
  });
}

const deliveryOf = (id: string) => db.webhookDelivery.findUniqueOrThrow({ where: { id } });

beforeEach(async () => {
  signedIn = null;
  revalidatePath.mockClear();
  await db.messageStatusEvent.deleteMany();
  await db.message.deleteMany();
  await db.webhookDelivery.deleteMany();
});

describe("retryParkedDeliveryAction", () => {
  it("refuses an anonymous caller before reading the input, and leaves the delivery parked", async () => {
    const delivery = await parkedDelivery();
    expect(await retryParkedDeliveryAction({ deliveryId: delivery.id })).toEqual({ serverError: SIGNED_OUT });
    expect(await discardParkedDeliveryAction({ deliveryId: "" })).toEqual({ serverError: SIGNED_OUT });
    expect(await deliveryOf(delivery.id)).toMatchObject({ processedAt: null, parkedAt: delivery.parkedAt });
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it("applies a parked delivery now, records who retried it, and refreshes the admin pages", async () => {
    signedIn = await makeSignedInAdmin();
    const message = await db.message.create({ data: { channel: "whatsapp", direction: "outbound", origin: "admin", kind: "text", status: "accepted", statusRank: 1, providerMessageId: WAMID } });
    const delivery = await parkedDelivery();
    expect(await retryParkedDeliveryAction({ deliveryId: delivery.id })).toEqual({ data: { outcome: "applied" } });
    expect(await deliveryOf(delivery.id)).toMatchObject({ outcome: "applied", parkedAt: null, retriedById: signedIn.id, processedAt: expect.any(Date) });
    expect((await db.message.findUniqueOrThrow({ where: { id: message.id } })).status).toBe("delivered");
    expect(revalidatePath).toHaveBeenCalledWith("/admin", "layout");
    // A second click, once it is done, is refused with a reason.
    expect((await retryParkedDeliveryAction({ deliveryId: delivery.id }))?.serverError).toMatch(/already applied/);
  });

  it("refuses a delivery that is not parked (it is retried by itself) or does not exist", async () => {
    signedIn = await makeSignedInAdmin();
    const waiting = await parkedDelivery({ parkedAt: null });
    expect((await retryParkedDeliveryAction({ deliveryId: waiting.id }))?.serverError).toMatch(/not parked/);
    expect((await retryParkedDeliveryAction({ deliveryId: "nope" }))?.serverError).toMatch(/no longer exists/);
    expect((await retryParkedDeliveryAction({ deliveryId: "" }))?.validationErrors?.fieldErrors).toMatchObject({ deliveryId: expect.any(Array) });
  });
});

describe("discardParkedDeliveryAction", () => {
  it("marks it done without applying it, attributed to the admin; once only", async () => {
    signedIn = await makeSignedInAdmin();
    const message = await db.message.create({ data: { channel: "whatsapp", direction: "outbound", origin: "admin", kind: "text", status: "accepted", statusRank: 1, providerMessageId: WAMID } });
    const delivery = await parkedDelivery();
    const [first, second] = await Promise.all([discardParkedDeliveryAction({ deliveryId: delivery.id }), discardParkedDeliveryAction({ deliveryId: delivery.id })]);
    expect([first, second].filter((result) => result?.data)).toHaveLength(1);
    expect([first, second].find((result) => result?.serverError)?.serverError).toMatch(/already discarded|just handled/);
    expect(await deliveryOf(delivery.id)).toMatchObject({ outcome: "discarded", discardedById: signedIn.id, processedAt: expect.any(Date) });
    expect((await db.message.findUniqueOrThrow({ where: { id: message.id } })).status).toBe("accepted");
  });
});

// The inbox's reply action on a real database: it checks the session itself, and a template the
// stored list says WhatsApp would refuse (paused, rejected, Meta's samples) is refused with the
// reason before anything is queued, not only later by the outbox.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { TAdmin } from "@/lib/auth/session";
import { makeCustomer, makeSignedInAdmin } from "@/test/factories";

let signedIn: TAdmin | null = null;
vi.mock("@/lib/auth/session", () => ({ getAdmin: async () => signedIn, requireAdmin: async () => signedIn }));

const { sendInboxReplyAction } = await import("./actions");

const SIGNED_OUT = "Your session has ended. Sign in again to continue.";

/** A template as the sync stores it. */
function storeTemplate(name: string, status: string, extra: { rejectedReason?: string } = {}) {
  return db.whatsAppTemplate.create({
    data: { name, language: "en", status, category: "UTILITY", components: JSON.stringify([{ type: "BODY", text: "Hi {{1}}, your order is on its way." }]), statusAt: new Date(), ...extra },
  });
}

const template = (customerId: string, templateName: string) => ({
  kind: "template" as const,
  customerId,
  idempotencyKey: randomUUID(),
  templateName,
  language: templateName === "hello_world" ? "en_US" : "en",
  parameters: ["Ann"],
});

beforeEach(async () => {
  signedIn = null;
  await db.message.deleteMany();
  await db.whatsAppTemplate.deleteMany();
});

describe("sendInboxReplyAction", () => {
  it("refuses an anonymous caller and queues nothing", async () => {
    const customer = await makeCustomer();
    expect(await sendInboxReplyAction(template(customer.id, "order_update"))).toEqual({ serverError: SIGNED_OUT });
    expect(await db.message.count()).toBe(0);
  });

  it("refuses a paused, a rejected and a sample template with the reason before queuing, and queues an approved one", async () => {
    signedIn = await makeSignedInAdmin();
    const customer = await makeCustomer();
    await storeTemplate("order_update", "APPROVED");
    await storeTemplate("order_paused", "PAUSED");
    await storeTemplate("order_rejected", "REJECTED", { rejectedReason: "INVALID_FORMAT" });

    expect(await sendInboxReplyAction(template(customer.id, "order_paused"))).toEqual({ serverError: expect.stringMatching(/"order_paused" \(en\) cannot be sent\. Paused by Meta/) });
    expect(await sendInboxReplyAction(template(customer.id, "order_rejected"))).toEqual({ serverError: expect.stringMatching(/Rejected by Meta \(invalid format\)/) });
    expect(await sendInboxReplyAction(template(customer.id, "no_such_template"))).toEqual({ serverError: expect.stringMatching(/not on this WhatsApp account/) });
    expect(await sendInboxReplyAction(template(customer.id, "hello_world"))).toEqual({ serverError: expect.stringMatching(/Meta's sample templates/) });
    expect(await db.message.count()).toBe(0);

    const sent = await sendInboxReplyAction(template(customer.id, "order_update"));
    expect(sent.data).toEqual({ messageId: expect.any(String) });
    expect(await db.message.findUniqueOrThrow({ where: { id: sent.data!.messageId } })).toMatchObject({ status: "queued", templateName: "order_update", customerId: customer.id });
  });
});

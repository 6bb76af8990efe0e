// Meta's pricing from status webhooks, kept on the message: parsed as Meta sends it, applied
// through the lifecycle's status writer on a real database. First seen wins; repeats, later
// statuses and out-of-order ones leave it as it is.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { applyWhatsAppEvents } from "@/lib/messages/apply-whatsapp-events";
import { parseWebhook } from "@/lib/whatsapp/webhook";
import { whatsappConfig } from "@/lib/env";
import { makeCustomer } from "@/test/factories";
import { messagesEnvelope, statusPart } from "@/test/webhook-requests";

const account = { wabaId: whatsappConfig.wabaId, phoneNumberId: whatsappConfig.phoneNumberId };
const utility = { billable: true, pricing_model: "PMP", category: "utility", type: "regular" };
const free = { billable: false, pricing_model: "PMP", category: "service", type: "free_customer_service" };

let customerId: string;
beforeEach(async () => {
  ({ id: customerId } = await makeCustomer());
});

async function acceptedMessage(wamid: string) {
  const { id } = await db.message.create({
    data: { channel: "whatsapp", direction: "outbound", origin: "admin", kind: "template", status: "accepted", statusRank: 1, providerMessageId: wamid, customerId },
  });
  return id;
}

async function deliver(statuses: Record<string, unknown>[]) {
  const events = parseWebhook(messagesEnvelope({ statuses }), account);
  return db.$transaction((tx) => applyWhatsAppEvents(tx, events));
}

const pricingOf = (id: string) =>
  db.message.findUniqueOrThrow({ where: { id }, select: { pricingBillable: true, pricingCategory: true, pricingType: true, pricingModel: true, pricedAt: true, status: true } });

describe("pricing from status webhooks", () => {
  it("stores billable, category, type and model from the first status that carries them", async () => {
    const id = await acceptedMessage("wamid.price-1");
    await deliver([statusPart("wamid.price-1", "sent", 1_764_750_000, { pricing: utility })]);
    expect(await pricingOf(id)).toEqual({ pricingBillable: true, pricingCategory: "utility", pricingType: "regular", pricingModel: "PMP", pricedAt: new Date(1_764_750_000_000), status: "sent" });
  });

  it("keeps the first pricing through repeats and later statuses with other pricing", async () => {
    const id = await acceptedMessage("wamid.price-2");
    await deliver([statusPart("wamid.price-2", "sent", 1_764_750_000, { pricing: free }), statusPart("wamid.price-2", "sent", 1_764_750_000, { pricing: utility })]);
    await deliver([statusPart("wamid.price-2", "delivered", 1_764_750_005, { pricing: utility }), statusPart("wamid.price-2", "sent", 1_764_750_000, { pricing: utility })]);
    expect(await pricingOf(id)).toMatchObject({ pricingBillable: false, pricingCategory: "service", pricingType: "free_customer_service", pricedAt: new Date(1_764_750_000_000), status: "delivered" });
  });

  it("takes it from a status that arrives out of order, and from a later one when the first had none", async () => {
    const early = await acceptedMessage("wamid.price-3");
    await deliver([statusPart("wamid.price-3", "read", 1_764_750_009, { pricing: utility })]);
    await deliver([statusPart("wamid.price-3", "sent", 1_764_750_001, { pricing: free })]);
    expect(await pricingOf(early)).toMatchObject({ pricingCategory: "utility", pricedAt: new Date(1_764_750_009_000), status: "read" });

    const bare = await acceptedMessage("wamid.price-4");
    await deliver([statusPart("wamid.price-4", "sent", 1_764_750_001)]);
    expect(await pricingOf(bare)).toMatchObject({ pricingCategory: null, pricedAt: null });
    // A repeat of a status already applied still brings the pricing the first copy lacked.
    await deliver([statusPart("wamid.price-4", "sent", 1_764_750_001, { pricing: utility })]);
    expect(await pricingOf(bare)).toMatchObject({ pricingBillable: true, pricingCategory: "utility" });
  });

  it("stores a status whose pricing Meta sent oddly, without the odd parts", async () => {
    const id = await acceptedMessage("wamid.price-5");
    await deliver([statusPart("wamid.price-5", "delivered", 1_764_750_003, { pricing: { billable: "yes", category: "marketing_lite", type: "regular" } })]);
    expect(await pricingOf(id)).toMatchObject({ status: "delivered", pricingBillable: null, pricingCategory: "marketing_lite", pricingType: "regular", pricingModel: null });
  });
});

import { describe, expect, it } from "vitest";
import { planDelivery } from "@/lib/messages/webhook-delivery-plan";

const account = { wabaId: "200", phoneNumberId: "100" };
const change = (value: Record<string, unknown>, phoneNumberId = "100") => ({ field: "messages", value: { metadata: { phone_number_id: phoneNumberId }, ...value } });
const body = (...entries: { id: string; changes: unknown[] }[]) => JSON.stringify({ object: "whatsapp_business_account", entry: entries });
const sent = (id: string) => ({ id, status: "sent", timestamp: "1732450000" });

describe("planDelivery", () => {
  it("applies ours, and says which parts were for someone else", () => {
    const plan = planDelivery({ id: "d", body: body({ id: "200", changes: [change({ statuses: [sent("w1")] }), change({ statuses: [sent("w2")] }, "101")] }) }, account);
    expect(plan.outcome).toBe("applied");
    expect(plan.events.map((event) => event.type === "status" && event.wamid)).toEqual(["w1"]);
    expect(plan.detail).toBe('ignored: for phone number id "101", not ours (100)');
  });

  it("ignores a delivery that is all someone else's, with the reason", () => {
    expect(planDelivery({ id: "d", body: body({ id: "999", changes: [change({ statuses: [sent("w1")] })] }) }, account)).toMatchObject({
      outcome: "ignored",
      events: [],
      detail: expect.stringMatching(/WhatsApp Business Account "999", not ours/),
    });
  });

  it("marks malformed parts (and non-JSON) malformed, with a storable detail", () => {
    expect(planDelivery({ id: "d", body: "not json" }, account)).toMatchObject({ outcome: "malformed", detail: "not JSON" });
    const plan = planDelivery({ id: "d", body: body({ id: "200", changes: [change({ statuses: [sent("w\u0000"), sent("w2")] })] }) }, account);
    expect(plan).toMatchObject({ outcome: "malformed", detail: "status id holds a NUL character" });
    expect(plan.events).toHaveLength(1);
  });

  it("ignores a delivery with nothing to apply, without a detail", () => {
    expect(planDelivery({ id: "d", body: body({ id: "200", changes: [{ field: "account_update", value: {} }] }) }, account)).toEqual({ id: "d", events: [], outcome: "ignored", detail: null });
  });
});

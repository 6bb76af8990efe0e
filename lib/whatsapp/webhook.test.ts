import { describe, expect, it } from "vitest";
import { parseWebhook, signBody, verifyChallenge, verifySignature } from "@/lib/whatsapp/webhook";

const SECRET = "app-secret";
const BODY = '{"object":"whatsapp_business_account","entry":[]}';

describe("verifySignature", () => {
  it("accepts the HMAC of the exact bytes", () => {
    expect(verifySignature(BODY, signBody(BODY, SECRET), SECRET)).toBe(true);
    expect(verifySignature(new TextEncoder().encode(BODY), signBody(BODY, SECRET), SECRET)).toBe(true);
  });

  it("refuses a changed body, another secret, a missing header and a wrong length", () => {
    const header = signBody(BODY, SECRET);
    expect(verifySignature(BODY.replace("[]", "[ ]"), header, SECRET)).toBe(false);
    expect(verifySignature(BODY, signBody(BODY, "other"), SECRET)).toBe(false);
    expect(verifySignature(BODY, null, SECRET)).toBe(false);
    expect(verifySignature(BODY, header.slice(0, -2), SECRET)).toBe(false);
    expect(verifySignature(BODY, header.replace("sha256=", "sha1="), SECRET)).toBe(false);
  });
});

describe("verifyChallenge", () => {
  it("returns the challenge only for mode subscribe and the right token", () => {
    const params = (mode: string, token: string) => new URLSearchParams({ "hub.mode": mode, "hub.verify_token": token, "hub.challenge": "42" });
    expect(verifyChallenge(params("subscribe", "tok"), "tok")).toEqual({ ok: true, challenge: "42" });
    expect(verifyChallenge(params("subscribe", "bad"), "tok")).toEqual({ ok: false });
    expect(verifyChallenge(params("unsubscribe", "tok"), "tok")).toEqual({ ok: false });
  });
});

const value = (extra: Record<string, unknown>) => ({ messaging_product: "whatsapp", metadata: { phone_number_id: "1" }, ...extra });

describe("parseWebhook", () => {
  it("flattens several entries and changes, keeping repeats as separate events", () => {
    const status = { id: "wamid.A", status: "delivered", timestamp: "1732450000", recipient_id: "27821234567", biz_opaque_callback_data: "msg-1" };
    const events = parseWebhook({
      object: "whatsapp_business_account",
      entry: [
        { id: "w", changes: [{ field: "messages", value: value({ statuses: [status, status] }) }] },
        { id: "w", changes: [{ field: "messages", value: value({ statuses: [{ ...status, status: "read", timestamp: "1732450001" }] }) }] },
      ],
    });
    expect(events.map((event) => event.type === "status" && event.status)).toEqual(["delivered", "delivered", "read"]);
    expect(events[0]).toMatchObject({ wamid: "wamid.A", callbackData: "msg-1", timestamp: new Date(1_732_450_000_000) });
  });

  it("reads inbound messages with the profile name and the business-scoped user id", () => {
    const [event] = parseWebhook({
      object: "whatsapp_business_account",
      entry: [
        {
          changes: [
            {
              field: "messages",
              value: value({
                contacts: [{ profile: { name: "Ann" }, wa_id: "27821234567", user_id: "ZA.123" }],
                messages: [{ from: "27821234567", id: "wamid.IN", timestamp: "1732450000", type: "text", text: { body: "Hi" }, context: { id: "wamid.OUT" } }],
              }),
            },
          ],
        },
      ],
    });
    expect(event).toMatchObject({ type: "message", from: "27821234567", userId: "ZA.123", profileName: "Ann", text: "Hi", contextWamid: "wamid.OUT" });
  });

  it("matches a username-only writer by user id when there is no phone number", () => {
    const [event] = parseWebhook({
      object: "whatsapp_business_account",
      entry: [{ changes: [{ field: "messages", value: value({ contacts: [{ user_id: "ZA.9" }], messages: [{ from_user_id: "ZA.9", id: "wamid.U", timestamp: "1", type: "text", text: { body: "yo" } }] }) }] }],
    });
    expect(event).toMatchObject({ type: "message", userId: "ZA.9", from: undefined });
  });

  it("carries Meta's error on a failed status", () => {
    const [event] = parseWebhook({
      object: "whatsapp_business_account",
      entry: [{ changes: [{ field: "messages", value: value({ statuses: [{ id: "wamid.F", status: "failed", timestamp: "1", errors: [{ code: 131047, title: "Re-engagement message" }] }] }) }] }],
    });
    expect(event?.type === "status" && event.error?.kind).toBe("window");
  });

  it("collects malformed parts without losing the good ones", () => {
    const events = parseWebhook({
      object: "whatsapp_business_account",
      entry: [{ changes: [{ field: "messages", value: value({ statuses: [{ id: "wamid.OK", status: "sent", timestamp: "1" }, { id: "wamid.BAD", status: "exploded", timestamp: "1" }] }) }] }],
    });
    expect(events.map((event) => event.type)).toEqual(["status", "malformed"]);
  });

  it("returns other fields and other objects as 'other', and junk as 'malformed'", () => {
    expect(parseWebhook({ object: "whatsapp_business_account", entry: [{ changes: [{ field: "message_template_status_update", value: { event: "APPROVED" } }] }] })[0]).toMatchObject({ type: "other", field: "message_template_status_update" });
    expect(parseWebhook({ object: "page", entry: [] })[0]?.type).toBe("other");
    expect(parseWebhook("junk")[0]?.type).toBe("malformed");
  });
});

import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { WhatsAppError } from "@/lib/whatsapp/errors";
import { parseWebhook, signBody, verifyChallenge, verifySignature, type TWebhookEvent } from "@/lib/whatsapp/webhook";

const SECRET = "app-secret";
const BODY = '{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[]}]}';

describe("signBody and verifySignature", () => {
  it("signs like Meta: sha256= and the hex HMAC of the bytes with the app secret", () => {
    expect(signBody(BODY, SECRET)).toBe(`sha256=${createHmac("sha256", SECRET).update(BODY).digest("hex")}`);
  });

  it("accepts the signature of the exact bytes, as a string or as bytes", () => {
    expect(verifySignature(BODY, signBody(BODY, SECRET), SECRET)).toBe(true);
    expect(verifySignature(new TextEncoder().encode(BODY), signBody(BODY, SECRET), SECRET)).toBe(true);
    expect(verifySignature(BODY, signBody(BODY, SECRET).toUpperCase().replace("SHA256=", "sha256="), SECRET)).toBe(true);
  });

  it("refuses a tampered body, even one that parses to the same JSON", () => {
    const header = signBody(BODY, SECRET);
    expect(verifySignature(BODY.replace('"1"', '"2"'), header, SECRET)).toBe(false);
    expect(verifySignature(JSON.stringify(JSON.parse(BODY), null, 1), header, SECRET)).toBe(false);
  });

  it("refuses another secret, a missing header, a wrong prefix and a wrong length", () => {
    const header = signBody(BODY, SECRET);
    expect(verifySignature(BODY, signBody(BODY, "other-secret"), SECRET)).toBe(false);
    expect(verifySignature(BODY, null, SECRET)).toBe(false);
    expect(verifySignature(BODY, "", SECRET)).toBe(false);
    expect(verifySignature(BODY, header.replace("sha256=", "sha1="), SECRET)).toBe(false);
    expect(verifySignature(BODY, header.slice("sha256=".length), SECRET)).toBe(false);
    expect(verifySignature(BODY, header.slice(0, -2), SECRET)).toBe(false);
    expect(verifySignature(BODY, `${header}00`, SECRET)).toBe(false);
    expect(verifySignature(BODY, header, "")).toBe(false);
  });
});

describe("verifyChallenge", () => {
  const params = (mode: string, token: string, challenge = "1158201444") =>
    new URLSearchParams({ "hub.mode": mode, "hub.verify_token": token, "hub.challenge": challenge });

  it("returns the challenge only for mode subscribe and the right token", () => {
    expect(verifyChallenge(params("subscribe", "tok"), "tok")).toEqual({ ok: true, challenge: "1158201444" });
    expect(verifyChallenge(params("subscribe", "bad"), "tok")).toEqual({ ok: false });
    expect(verifyChallenge(params("subscribe", "toke"), "tok")).toEqual({ ok: false });
    expect(verifyChallenge(params("unsubscribe", "tok"), "tok")).toEqual({ ok: false });
    expect(verifyChallenge(params("subscribe", "tok", ""), "tok")).toEqual({ ok: false });
    expect(verifyChallenge(new URLSearchParams(), "tok")).toEqual({ ok: false });
  });
});

const value = (extra: Record<string, unknown>) => ({ messaging_product: "whatsapp", metadata: { display_phone_number: "15550000000", phone_number_id: "1" }, ...extra });
const post = (...changes: Record<string, unknown>[][]) => ({
  object: "whatsapp_business_account",
  entry: changes.map((entryChanges, index) => ({ id: `waba-${index}`, changes: entryChanges })),
});
const messages = (extra: Record<string, unknown>) => ({ field: "messages", value: value(extra) });
const status = (id: string, state: string, timestamp: string, extra: Record<string, unknown> = {}) => ({
  id,
  status: state,
  timestamp,
  recipient_id: "27821234567",
  ...extra,
});
const only = <T extends TWebhookEvent["type"]>(events: TWebhookEvent[], type: T) =>
  events.filter((event): event is Extract<TWebhookEvent, { type: T }> => event.type === type);

describe("parseWebhook", () => {
  it("flattens several entries, changes and statuses in order, keeping repeats as separate events", () => {
    const delivered = status("wamid.A", "delivered", "1732450000", { biz_opaque_callback_data: "msg-1", pricing: { billable: true, pricing_model: "PMP", category: "utility", type: "regular" } });
    const events = parseWebhook(
      post(
        [messages({ statuses: [delivered, delivered] }), messages({ statuses: [status("wamid.B", "sent", "1732450002")] })],
        [messages({ statuses: [status("wamid.A", "read", "1732450001", { recipient_user_id: "ZA.77" })] })],
      ),
    );
    expect(events.map((event) => (event.type === "status" ? `${event.wamid}:${event.status}` : event.type))).toEqual([
      "wamid.A:delivered",
      "wamid.A:delivered",
      "wamid.B:sent",
      "wamid.A:read",
    ]);
    expect(events[0]).toEqual({
      type: "status",
      wamid: "wamid.A",
      status: "delivered",
      timestamp: new Date(1_732_450_000_000),
      recipientId: "27821234567",
      userId: undefined,
      callbackData: "msg-1",
      pricingCategory: "utility",
      pricingType: "regular",
      pricing: { billable: true, category: "utility", type: "regular", model: "PMP" },
      error: undefined,
    });
    expect(events[3]).toMatchObject({ userId: "ZA.77" });
  });

  it("keeps a status whose pricing does not fit, without the part that does not", () => {
    const odd = status("wamid.P", "sent", "1732450000", { pricing: { billable: "yes", category: "marketing", type: 7, pricing_model: "PMP" } });
    const [event] = parseWebhook(post([messages({ statuses: [odd] })]));
    expect(event).toMatchObject({ type: "status", wamid: "wamid.P", pricing: { billable: undefined, category: "marketing", type: undefined, model: "PMP" } });
    const [broken] = parseWebhook(post([messages({ statuses: [status("wamid.Q", "sent", "1732450000", { pricing: "free" })] })]));
    expect(broken).toMatchObject({ type: "status", wamid: "wamid.Q", pricing: undefined });
  });

  it("takes a status's BSUID from recipient_user_id, or else from the matching contact", () => {
    const [event] = parseWebhook(post([messages({ contacts: [{ wa_id: "27821234567", user_id: "ZA.55" }], statuses: [status("wamid.C", "sent", "1")] })]));
    expect(event).toMatchObject({ type: "status", userId: "ZA.55" });
  });

  it("carries Meta's error, as a WhatsAppError, on a failed status", () => {
    const [event] = parseWebhook(
      post([messages({ statuses: [status("wamid.F", "failed", "1", { errors: [{ code: 131026, title: "Message undeliverable", error_data: { details: "Not on WhatsApp" } }] })] })]),
    );
    expect(event?.type).toBe("status");
    const error = event?.type === "status" ? event.error : undefined;
    expect(error).toBeInstanceOf(WhatsAppError);
    expect(error).toMatchObject({ code: 131026, kind: "recipient", details: "Not on WhatsApp" });
  });

  it("reads an inbound text with the profile name, the BSUID and the message it replies to", () => {
    const [event] = parseWebhook(
      post([
        messages({
          contacts: [{ profile: { name: "Ann" }, wa_id: "27821234567", user_id: "ZA.123" }],
          messages: [{ from: "27821234567", from_user_id: "ZA.123", id: "wamid.IN", timestamp: "1732450000", type: "text", text: { body: "Yes please" }, context: { from: "15550000000", id: "wamid.OUT" } }],
        }),
      ]),
    );
    expect(event).toMatchObject({
      type: "message",
      wamid: "wamid.IN",
      from: "27821234567",
      userId: "ZA.123",
      profileName: "Ann",
      kind: "text",
      text: "Yes please",
      contextWamid: "wamid.OUT",
      timestamp: new Date(1_732_450_000_000),
    });
  });

  it("matches a username-only writer (no phone number) by BSUID", () => {
    const [event] = parseWebhook(
      post([
        messages({
          contacts: [{ profile: { name: "Bo", username: "@bo" }, user_id: "ZA.9" }, { profile: { name: "Cy" }, wa_id: "27820000000", user_id: "ZA.8" }],
          messages: [{ from_user_id: "ZA.9", id: "wamid.U", timestamp: "1", type: "text", text: { body: "yo" } }],
        }),
      ]),
    );
    expect(event).toMatchObject({ type: "message", userId: "ZA.9", from: undefined, profileName: "Bo", username: "@bo" });
  });

  it("reads the words of buttons, list replies, captions and reactions", () => {
    const base = { from: "27821234567", timestamp: "1" };
    const events = only(
      parseWebhook(
        post([
          messages({
            messages: [
              { ...base, id: "w1", type: "button", button: { text: "Yes", payload: "YES" }, context: { id: "wamid.T" } },
              { ...base, id: "w2", type: "interactive", interactive: { type: "list_reply", list_reply: { id: "r", title: "Red box" } } },
              { ...base, id: "w3", type: "image", image: { id: "media-1", mime_type: "image/jpeg", caption: "Like this" } },
              { ...base, id: "w4", type: "reaction", reaction: { message_id: "wamid.OUT", emoji: "👍" } },
              { ...base, id: "w5", type: "unsupported" },
            ],
          }),
        ]),
      ),
      "message",
    );
    expect(events.map((event) => [event.kind, event.text, event.contextWamid])).toEqual([
      ["button", "Yes", "wamid.T"],
      ["interactive", "Red box", undefined],
      ["image", "Like this", undefined],
      ["reaction", "👍", "wamid.OUT"],
      ["unsupported", undefined, undefined],
    ]);
  });

  it("collects malformed parts without losing the good ones", () => {
    const events = parseWebhook({
      object: "whatsapp_business_account",
      entry: [
        "not an entry",
        { id: "w", changes: [{ value: {} }, messages({ statuses: [status("wamid.OK", "sent", "1"), { id: "wamid.BAD", status: "sent", timestamp: "yesterday" }, { status: "read" }] })] },
        { id: "w", changes: [messages({ messages: [{ id: "wamid.NOTYPE", timestamp: "1" }], statuses: "oops" }), { field: "messages", value: null }] },
      ],
    });
    expect(events.map((event) => event.type)).toEqual(["malformed", "malformed", "status", "malformed", "malformed", "malformed", "malformed", "malformed"]);
    const reasons = only(events, "malformed").map((event) => event.reason);
    expect(reasons[2]).toMatch(/timestamp/);
    expect(reasons[4]).toMatch(/statuses is not a list/);
  });

  it("returns statuses Meta may add (played), other fields and other objects as 'other'", () => {
    expect(parseWebhook(post([messages({ statuses: [status("wamid.V", "played", "1")] })]))[0]).toMatchObject({ type: "other", field: "messages.status.played" });
    const quality = { display_phone_number: "15550000000", event: "UPGRADE", current_limit: "TIER_2K" };
    expect(parseWebhook(post([{ field: "phone_number_quality_update", value: quality }]))[0]).toEqual({ type: "other", field: "phone_number_quality_update", raw: quality });
    // Template changes are events of their own (lib/whatsapp/template-webhook.ts).
    const template = { event: "APPROVED", message_template_name: "quote_ready", message_template_language: "en", reason: null };
    expect(parseWebhook(post([{ field: "message_template_status_update", value: template }]))[0]).toMatchObject({ type: "template", change: "status", name: "quote_ready", value: "APPROVED" });
    expect(parseWebhook(post([messages({ errors: [{ code: 131000, title: "Something went wrong" }] })]))[0]).toMatchObject({ type: "other", field: "messages.errors" });
    expect(parseWebhook({ object: "page", entry: [] })[0]).toMatchObject({ type: "other", field: "object:page" });
  });

  it("makes a part malformed for a value no database holds, naming the field", () => {
    const [huge, surrogate, nul, nobody] = parseWebhook(
      post([
        messages({
          statuses: [status("wamid.T", "sent", "99999999999999999999"), status("wamid.\ud800", "sent", "1")],
          messages: [
            { from: "27821234567", id: "wamid.N", timestamp: "1", type: "image", image: { id: "m", caption: "a\u0000" } },
            { id: "wamid.X", timestamp: "1", type: "text", text: { body: "from nobody" } },
          ],
        }),
      ]),
    );
    expect(huge).toMatchObject({ type: "malformed", reason: "status timestamp: timestamp is out of range" });
    expect(surrogate).toMatchObject({ type: "malformed", reason: "status id holds a lone surrogate" });
    expect(nul).toMatchObject({ type: "malformed", reason: "message image.caption holds a NUL character" });
    expect(nobody).toMatchObject({ type: "malformed", reason: "message has neither from nor from_user_id" });
  });

  it("with our account, returns changes for another WABA or phone number as 'foreign'", () => {
    const account = { wabaId: "waba-0", phoneNumberId: "1" };
    const ours = messages({ statuses: [status("wamid.O", "sent", "1")] });
    const otherNumber = { field: "messages", value: { ...value({ statuses: [status("wamid.P", "sent", "1")] }), metadata: { phone_number_id: "2" } } };
    const events = parseWebhook(post([ours, otherNumber], [ours]), account);
    expect(events.map((event) => (event.type === "foreign" ? event.reason : event.type))).toEqual([
      "status",
      'for phone number id "2", not ours (1)',
      'for WhatsApp Business Account "waba-1", not ours (waba-0)',
    ]);
  });

  it("never throws on junk", () => {
    for (const junk of ["junk", null, 42, [], { object: "whatsapp_business_account" }, { object: "whatsapp_business_account", entry: {} }]) {
      expect(parseWebhook(junk)[0]?.type, JSON.stringify(junk)).toBe("malformed");
    }
    expect(parseWebhook({ object: "whatsapp_business_account", entry: [] })).toEqual([]);
  });
});

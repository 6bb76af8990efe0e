// Every text field of every input schema refuses a NUL and a lone surrogate, so a new field that
// forgets the shared text schema fails here. Each case is a valid input; each of its string fields
// is then spoiled in turn.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { ZAcceptInviteSchema, ZAdminIdSchema, ZChangePasswordSchema, ZChangeRoleSchema, ZResetPasswordSchema } from "@/lib/admins/schema";
import { ZEditCustomerDetailsSchema, ZFindMergeCandidatesSchema, ZMergeCustomersSchema, ZResolveContactOfferSchema } from "@/lib/customers/contact-schema";
import { ZChangeContactPreferenceSchema, ZRecordWhatsAppConsentSchema, ZWithdrawWhatsAppConsentSchema } from "@/lib/customers/preference-schema";
import { ZSendWhatsAppSchema } from "@/lib/messages/send-schema";
import { ZParkedDeliverySchema } from "@/lib/messages/webhook-admin";
import { ZNotificationSettingSchema } from "@/lib/notifications/settings-schema";
import { ZRecordPaymentSchema, ZUpdateOrderDetailsSchema } from "@/lib/orders/commands";
import { ZChangeOrderStatusSchema } from "@/lib/orders/status";
import { ZRetryMessageSchema } from "@/lib/outbox/retry";
import { ZAnswerQuoteSchema } from "@/lib/quotes/answer-schema";
import { quoteRequestSchema } from "@/lib/quotes/request-schema";
import { ZRespondByLinkSchema } from "@/lib/quotes/respond-by-link";
import { ZChangeQuoteStatusSchema } from "@/lib/quotes/status";
import { BROKEN_CHARACTER_MESSAGE, CONTROL_CHARACTER_MESSAGE } from "@/lib/zod/text";

const LINK_TOKEN = "a".repeat(43);
const password = { password: "correct horse battery", confirm: "correct horse battery" };

const CASES: [name: string, schema: z.ZodType, valid: Record<string, unknown>][] = [
  [
    "quote request",
    quoteRequestSchema({ region: "ZA", timeZone: "Africa/Johannesburg" }),
    {
      name: "Lerato",
      email: "lerato@example.com",
      phone: "082 123 4567",
      contactPreference: "email",
      whatsappConsent: false,
      occasion: "Wedding",
      budget: "750",
      neededBy: "",
      deliveryArea: "Sandton",
      notes: "Pink",
      website: "",
    },
  ],
  ["answer", ZAnswerQuoteSchema, { quoteId: "q1", amount: "1250", message: "Here is our price." }],
  ["quote status", ZChangeQuoteStatusSchema, { quoteId: "q1", to: "cancelled", note: "Asked by phone" }],
  ["respond by link", ZRespondByLinkSchema, { token: "a".repeat(32), response: "decline", reason: "Too dear" }],
  ["order status", ZChangeOrderStatusSchema, { orderId: "o1", to: "ready", note: "Boxed", expectedStatus: "in_production" }],
  ["payment", ZRecordPaymentSchema, { orderId: "o1", amount: "250", note: "EFT", expectedPaidCents: 0 }],
  ["order details", ZUpdateOrderDetailsSchema, { orderId: "o1", deliveryDate: "2030-12-24", deliveryAddress: "1 Main Rd", notes: "Ring twice" }],
  ["customer details", ZEditCustomerDetailsSchema, { customerId: "c1", name: "Lerato", email: "lerato@example.com", phone: "0821234567" }],
  ["contact offer", ZResolveContactOfferSchema, { offerId: "f1", decision: "apply" }],
  ["merge", ZMergeCustomersSchema, { keepId: "c1", mergeId: "c2" }],
  ["merge search", ZFindMergeCandidatesSchema, { customerId: "c1", query: "Lerato" }],
  ["preference", ZChangeContactPreferenceSchema, { customerId: "c1", preference: "email" }],
  ["consent", ZRecordWhatsAppConsentSchema, { customerId: "c1", how: "Said yes on the phone" }],
  ["consent withdrawn", ZWithdrawWhatsAppConsentSchema, { customerId: "c1", note: "Asked us to stop" }],
  ["whatsapp text", ZSendWhatsAppSchema, { kind: "text", quoteId: "q1", idempotencyKey: crypto.randomUUID(), body: "Hello" }],
  [
    "whatsapp template",
    ZSendWhatsAppSchema,
    { kind: "template", quoteId: "q1", idempotencyKey: crypto.randomUUID(), templateName: "quote_ready", language: "en", parameters: ["Lerato"], buttonParameter: "abc" },
  ],
  [
    "notification setting",
    ZNotificationSettingSchema,
    {
      event: "quote.received",
      enabled: true,
      templateName: "quote_received",
      templateLanguage: "en",
      templateParams: [],
      templateButtonParam: null,
      emailSubject: "We have your request",
      body: "Thank you",
    },
  ],
  ["retry", ZRetryMessageSchema, { messageId: "m1", expectedAttempts: 1 }],
  ["parked webhook delivery", ZParkedDeliverySchema, { deliveryId: "d1" }],
  ["reset password", ZResetPasswordSchema, { token: LINK_TOKEN, ...password }],
  ["accept invite", ZAcceptInviteSchema, { token: LINK_TOKEN, name: "Thandi", ...password }],
  ["change password", ZChangePasswordSchema, { currentPassword: "old password here", ...password }],
  ["admin id", ZAdminIdSchema, { adminId: "a1" }],
  ["change role", ZChangeRoleSchema, { adminId: "a1", role: "staff" }],
];

// Fields held to a strict pattern refuse with their own, more precise message.
const PATTERN_FIELDS = new Set(["email", "token", "idempotencyKey", "contactPreference", "to", "expectedStatus", "response", "decision", "preference", "kind", "event", "role"]);

const isText = (value: unknown) => typeof value === "string" || (Array.isArray(value) && typeof value[0] === "string");

/** The input with `bad` appended to one text field (to the first item of a list of texts). */
function spoiled(valid: Record<string, unknown>, field: string, bad: string) {
  const value = valid[field];
  return { ...valid, [field]: Array.isArray(value) ? [`${value[0] as string}${bad}`, ...value.slice(1)] : `${value as string}${bad}` };
}

describe("every input schema's text fields", () => {
  it.each(CASES)("%s: the valid input parses", (_name, schema, valid) => {
    expect(schema.safeParse(valid).error?.issues ?? []).toEqual([]);
  });

  it.each(CASES)("%s: a NUL or a lone surrogate in any text field is refused on that field", (_name, schema, valid) => {
    const fields = Object.keys(valid).filter((field) => isText(valid[field]));
    for (const field of fields) {
      for (const [bad, message] of [
        ["\u0000", CONTROL_CHARACTER_MESSAGE],
        ["\ud800", BROKEN_CHARACTER_MESSAGE],
      ] as const) {
        const issues = schema.safeParse(spoiled(valid, field, bad)).error?.issues ?? [];
        const onField = issues.filter((issue) => issue.path[0] === field);
        expect(onField.length, `${field} + ${JSON.stringify(bad)}`).toBeGreaterThan(0);
        if (!PATTERN_FIELDS.has(field)) expect(onField.map((issue) => issue.message), field).toContain(message);
      }
    }
  });
});

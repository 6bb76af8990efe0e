import { describe, expect, it } from "vitest";
import { appUrl, env } from "@/lib/env";
import { formatMoney } from "@/lib/format";
import { DEFAULT_NOTIFICATION_SETTINGS } from "@/lib/notifications/defaults";
import { STORED_ACCEPT_LINK, acceptToken } from "@/lib/quotes/accept-link";
import { currentRun, planAttempt, type TAttemptSummary, type TPlan, type TPlanInput } from "@/lib/outbox/plan";

const now = new Date("2026-11-25T12:00:00Z");
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 60 * 60 * 1000);
const daysFromNow = (days: number) => new Date(now.getTime() + days * 24 * 60 * 60 * 1000);

const answeredAt = hoursAgo(1);
const quote = {
  id: "quote_1",
  number: "Q-0042",
  occasion: "Birthday cake",
  quotedAmountCents: 125_050,
  quoteMessage: "Three tiers, pink icing.",
  validUntil: daysFromNow(14),
  declineReason: null,
  status: "quoted",
  answeredAt,
};
const token = acceptToken({ id: quote.id, answeredAt });

function attempt(number: number, outcome: string | null, errorCode: string | null = null, errorTitle: string | null = null): TAttemptSummary {
  return { number, outcome, errorCode, errorTitle, errorDetail: null };
}

function eventInput(overrides: Partial<TPlanInput> = {}, customer: Partial<TPlanInput["customer"]> = {}): TPlanInput {
  return {
    message: {
      id: "msg_1",
      event: "quote.answered",
      channel: "whatsapp",
      kind: "text",
      body: null,
      templateName: null,
      templateLanguage: null,
      templateParams: null,
      subject: null,
    },
    customer: {
      name: "Thandi Mokoena",
      contactPreference: "whatsapp",
      email: "thandi@example.com",
      phone: "27821234567",
      whatsappConsentAt: hoursAgo(24 * 30),
      whatsappOptedOutAt: null,
      lastInboundWhatsAppAt: hoursAgo(2),
      ...customer,
    },
    quote,
    order: null,
    setting: DEFAULT_NOTIFICATION_SETTINGS["quote.answered"],
    attempts: [],
    now,
    ...overrides,
  };
}

function sent(plan: TPlan): Extract<TPlan, { send: true }> {
  if (!plan.send) throw new Error(`expected a send, got: ${plan.reason}`);
  return plan;
}

describe("currentRun", () => {
  it("is every attempt when none ended the message", () => {
    const attempts = [attempt(1, "retry"), attempt(2, "fallback"), attempt(3, null)];
    expect(currentRun(attempts)).toEqual(attempts);
    expect(currentRun([])).toEqual([]);
  });

  it("starts after the last failed or uncertain attempt", () => {
    const attempts = [attempt(1, "retry"), attempt(2, "failed"), attempt(3, "retry"), attempt(4, "uncertain"), attempt(5, "retry"), attempt(6, null)];
    expect(currentRun(attempts).map((a) => a.number)).toEqual([5, 6]);
    expect(currentRun(attempts.slice(0, 3)).map((a) => a.number)).toEqual([3]);
  });

  it("is empty right after a failed attempt", () => {
    expect(currentRun([attempt(1, "retry"), attempt(2, "failed")])).toEqual([]);
  });
});

describe("planAttempt for an event message", () => {
  it("sends WhatsApp text inside the window, filled from the quote, with the accept link", () => {
    const plan = sent(planAttempt(eventInput()));
    expect(plan.to).toBe("27821234567");
    expect(plan.fallbackReason).toBeNull();
    expect(plan.secret).toBe(token);
    expect(plan.content.channel).toBe("whatsapp");
    if (plan.content.kind !== "text") throw new Error("expected text");
    expect(plan.content.body).toContain("Hi Thandi,");
    expect(plan.content.body).toContain(`Your quote Q-0042 for Birthday cake is ready: ${formatMoney(125_050)}.`);
    expect(plan.content.body).toContain("Three tiers, pink icing.");
    expect(plan.content.body).toContain(`${appUrl}/q/${token}`);
    expect(plan.content.body.endsWith(env.BUSINESS_NAME)).toBe(true);
    expect(plan.content.missing).toEqual([]);
  });

  it("sends the template outside the window, with the link path as the button parameter", () => {
    const plan = sent(planAttempt(eventInput({}, { lastInboundWhatsAppAt: null })));
    expect(plan.content).toEqual({
      channel: "whatsapp",
      kind: "template",
      templateName: "quote_ready",
      language: "en",
      parameters: ["Thandi", "Q-0042", formatMoney(125_050)],
      buttonUrlParameter: `q/${token}`,
      missing: [],
    });
    expect(plan.secret).toBe(token);
  });

  it("sends email to a customer who prefers it, with the answer button", () => {
    const plan = sent(planAttempt(eventInput({}, { contactPreference: "email" })));
    expect(plan.to).toBe("thandi@example.com");
    expect(plan.fallbackReason).toBeNull();
    if (plan.content.kind !== "email") throw new Error("expected email");
    expect(plan.content.email.subject).toBe(`Your quote Q-0042: ${formatMoney(125_050)}`);
    expect(plan.content.email.html).toContain("View and answer your quote");
    expect(plan.content.email.text).toContain(`View and answer your quote: ${appUrl}/q/${token}`);
  });

  it("has no accept link for a quote that is not waiting for an answer", () => {
    for (const status of ["new", "accepted", "declined", "expired", "cancelled"]) {
      const plan = sent(planAttempt(eventInput({ quote: { ...quote, status } })));
      expect(plan.secret).toBeNull();
      expect(plan.content.missing).toContain("quote.link");
      if (plan.content.kind === "text") expect(plan.content.body).not.toContain("/q/");
    }
  });

  it("has no accept link once the quote has expired, or exactly at its expiry", () => {
    for (const validUntil of [hoursAgo(1), now, null]) {
      const plan = sent(planAttempt(eventInput({ quote: { ...quote, validUntil } })));
      expect(plan.secret).toBeNull();
      expect(plan.content.missing).toContain("quote.link");
    }
  });

  it("has no accept link for a quote that was never answered", () => {
    const plan = sent(planAttempt(eventInput({ quote: { ...quote, answeredAt: null } })));
    expect(plan.secret).toBeNull();
  });

  it("sends a missing button parameter as a dash and reports it", () => {
    const plan = sent(planAttempt(eventInput({ quote: { ...quote, status: "accepted" } }, { lastInboundWhatsAppAt: null })));
    expect(plan.content).toMatchObject({ kind: "template", buttonUrlParameter: "-", missing: ["quote.linkPath"] });
  });

  it("uses a new token when the quote was answered again", () => {
    const again = new Date(answeredAt.getTime() + 1000);
    const plan = sent(planAttempt(eventInput({ quote: { ...quote, answeredAt: again } })));
    expect(plan.secret).toBe(acceptToken({ id: quote.id, answeredAt: again }));
    expect(plan.secret).not.toBe(token);
  });

  it("goes by email after WhatsApp refused it in the current run, saying why", () => {
    const attempts = [attempt(1, "fallback", "131030", "Recipient not in allowed list")];
    const plan = sent(planAttempt(eventInput({ attempts })));
    expect(plan.to).toBe("thandi@example.com");
    expect(plan.content.channel).toBe("email");
    expect(plan.fallbackReason).toBe("WhatsApp refused it: Recipient not in allowed list (code 131030).");
  });

  it("names the latest refusal, with placeholders for a missing title or code", () => {
    const attempts = [attempt(1, "fallback", "131030", "First"), attempt(2, "retry"), attempt(3, "fallback", null, null)];
    expect(sent(planAttempt(eventInput({ attempts }))).fallbackReason).toBe("WhatsApp refused it: error (code ?).");
  });

  it("forgets the refusal once an attempt failed and an admin retried (a new run)", () => {
    const attempts = [attempt(1, "fallback", "131030", "Recipient not in allowed list"), attempt(2, "failed", "EENVELOPE", "Refused")];
    const plan = sent(planAttempt(eventInput({ attempts })));
    expect(plan.content).toMatchObject({ channel: "whatsapp", kind: "text" });
    expect(plan.to).toBe("27821234567");
    expect(plan.fallbackReason).toBeNull();
  });

  it("forgets the refusal after an uncertain attempt too", () => {
    const attempts = [attempt(1, "fallback", "131030", "Nope"), attempt(2, "uncertain")];
    expect(sent(planAttempt(eventInput({ attempts }))).content.channel).toBe("whatsapp");
  });

  it("does not send when refused and there is no email", () => {
    const attempts = [attempt(1, "fallback", "131030", "Recipient not in allowed list")];
    expect(planAttempt(eventInput({ attempts }, { email: null }))).toEqual({
      send: false,
      reason: "WhatsApp refused it: Recipient not in allowed list (code 131030). The customer has no email address to send it to instead.",
    });
  });

  it("sends the template after Meta said the window is closed (131047), although our clock says open", () => {
    const plan = sent(planAttempt(eventInput({ attempts: [attempt(1, "retry", "131047", "Re-engagement message")] })));
    expect(plan.content).toMatchObject({ channel: "whatsapp", kind: "template", templateName: "quote_ready" });
  });

  it("goes back to text after a 131047 in an earlier run", () => {
    const attempts = [attempt(1, "retry", "131047", "Re-engagement message"), attempt(2, "failed", "131047", "Re-engagement message")];
    expect(sent(planAttempt(eventInput({ attempts }))).content.kind).toBe("text");
  });

  it("falls back to email after a 131047 when the event has no template", () => {
    const plan = sent(
      planAttempt(
        eventInput({
          message: { ...eventInput().message, event: "quote.declined" },
          setting: DEFAULT_NOTIFICATION_SETTINGS["quote.declined"],
          attempts: [attempt(1, "retry", "131047", "Re-engagement message")],
        }),
      ),
    );
    expect(plan.content.channel).toBe("email");
    expect(plan.fallbackReason).toContain('"Quote declined"');
  });

  it("does not send when there is no way to reach the customer", () => {
    expect(planAttempt(eventInput({}, { phone: null, email: null }))).toEqual({
      send: false,
      reason: "This customer has no WhatsApp number on record. The customer has no email address to send it to instead.",
    });
  });

  it("fills an order event from the order", () => {
    const plan = sent(
      planAttempt(
        eventInput(
          {
            message: { ...eventInput().message, event: "order.ready" },
            setting: DEFAULT_NOTIFICATION_SETTINGS["order.ready"],
            quote: null,
            order: { number: "O-0007", status: "ready", deliveryDate: null, totalCents: 50_000, paidCents: 20_000 },
          },
          { lastInboundWhatsAppAt: null },
        ),
      ),
    );
    expect(plan.content).toEqual({
      channel: "whatsapp",
      kind: "template",
      templateName: "order_update",
      language: "en",
      parameters: ["Thandi", "O-0007", "ready"],
      buttonUrlParameter: undefined,
      missing: [],
    });
    expect(plan.secret).toBeNull();
  });

  it("does not send an event this version does not know", () => {
    expect(planAttempt(eventInput({ message: { ...eventInput().message, event: "quote.teleported" }, setting: null }))).toEqual({
      send: false,
      reason: 'The event "quote.teleported" is not known to this version.',
    });
  });
});

describe("planAttempt for a message written by an admin", () => {
  const written = (message: Partial<TPlanInput["message"]>, customer: Partial<TPlanInput["customer"]> = {}) =>
    eventInput({ message: { ...eventInput().message, event: null, ...message }, setting: null }, customer);

  it("sends a text as written, even outside the window (Meta has the last word: 131047)", () => {
    const plan = planAttempt(written({ kind: "text", body: "Your cake is ready!" }, { lastInboundWhatsAppAt: null }));
    expect(plan).toEqual({
      send: true,
      to: "27821234567",
      content: { channel: "whatsapp", kind: "text", body: "Your cake is ready!", missing: [] },
      fallbackReason: null,
      secret: null,
    });
  });

  it("sends a template with its stored parameters and language", () => {
    const plan = planAttempt(written({ kind: "template", templateName: "order_update", templateLanguage: "af", templateParams: JSON.stringify(["Thandi", "O-1", "ready"]) }));
    expect(plan).toEqual({
      send: true,
      to: "27821234567",
      content: { channel: "whatsapp", kind: "template", templateName: "order_update", language: "af", parameters: ["Thandi", "O-1", "ready"], buttonUrlParameter: undefined, missing: [] },
      fallbackReason: null,
      secret: null,
    });
  });

  it("defaults a template's language to English and its parameters to none", () => {
    const plan = sent(planAttempt(written({ kind: "template", templateName: "hello_world" })));
    expect(plan.content).toMatchObject({ kind: "template", templateName: "hello_world", language: "en", parameters: [] });
  });

  it("ignores a WhatsApp refusal from earlier attempts (it is sent as written)", () => {
    const plan = sent(planAttempt({ ...written({ kind: "text", body: "Hi" }), attempts: [attempt(1, "fallback", "131030", "x")] }));
    expect(plan.content.channel).toBe("whatsapp");
  });

  it("fills the button with the link the admin typed", () => {
    const plan = sent(planAttempt(written({ kind: "template", templateName: "quote_ready", templateButtonParam: "track/O-1" })));
    expect(plan.content).toMatchObject({ buttonUrlParameter: "track/O-1" });
    expect(plan.secret).toBeNull();
  });

  it("renders the stored accept-link marker into the quote's current link, and names its token as the secret to hide", () => {
    const plan = sent(planAttempt(written({ kind: "template", templateName: "quote_ready", templateButtonParam: STORED_ACCEPT_LINK })));
    expect(plan.content).toMatchObject({ buttonUrlParameter: `q/${token}` });
    expect(plan.secret).toBe(token);
  });

  it("does not send a template whose accept link is no longer valid", () => {
    const accepted = { ...eventInput().quote!, status: "accepted" };
    const plan = planAttempt({ ...written({ kind: "template", templateName: "quote_ready", templateButtonParam: STORED_ACCEPT_LINK }), quote: accepted });
    expect(plan).toEqual({ send: false, reason: expect.stringMatching(/accept link, which is no longer valid/) });
  });

  it("does not send an email written by an admin", () => {
    expect(planAttempt(written({ channel: "email", kind: "email", body: "Hello", subject: "Hi" }))).toEqual({
      send: false,
      reason: "Messages written by an admin are sent by WhatsApp only.",
    });
  });

  it("does not send without a WhatsApp number", () => {
    expect(planAttempt(written({ kind: "text", body: "Hi" }, { phone: null }))).toEqual({
      send: false,
      reason: "This customer has no WhatsApp number on record.",
    });
  });

  it("does not send to a customer who opted out after it was queued, but does send the opt-out's confirmation", () => {
    const optedOut = { whatsappOptedOutAt: hoursAgo(1) };
    expect(planAttempt(written({ kind: "text", body: "Hi" }, optedOut))).toEqual({ send: false, reason: expect.stringMatching(/opted out of WhatsApp on /) });
    const confirmation = sent(planAttempt(written({ kind: "text", body: "You will no longer get WhatsApp messages", origin: "system:whatsapp-opt-out" }, optedOut)));
    expect(confirmation.content).toMatchObject({ channel: "whatsapp", kind: "text" });
  });

  it("sends to the business-scoped user id of a customer with a username and no number", () => {
    const plan = sent(planAttempt(written({ kind: "text", body: "Hi" }, { phone: null, whatsappUserId: "ZA.777" })));
    expect(plan.to).toBe("ZA.777");
    expect(sent(planAttempt(eventInput({}, { phone: null, whatsappUserId: "ZA.777", email: null }))).to).toBe("ZA.777");
  });

  it("does not send a message without content", () => {
    const nothing = { send: false, reason: "This message has no content to send." };
    expect(planAttempt(written({ kind: "text", body: null }))).toEqual(nothing);
    expect(planAttempt(written({ kind: "text", body: "" }))).toEqual(nothing);
    expect(planAttempt(written({ kind: "template", templateName: null }))).toEqual(nothing);
    expect(planAttempt(written({ kind: "image", body: "Hi" }))).toEqual(nothing);
  });
});

// The quote request form's one schema, run by the browser (react-hook-form) and again by the
// server action. Client-safe: the phone region and the business's time zone come in as options.
import { z } from "zod";
import { normalizePhone } from "@/lib/phone";
import { parseMoneyToCents } from "@/lib/money";

export const CONTACT_PREFERENCES = ["email", "whatsapp"] as const;
export type TContactPreference = (typeof CONTACT_PREFERENCES)[number];

export function whatsappConsentText(businessName: string): string {
  return `${businessName} may contact me on WhatsApp about this quote`;
}

/** Today's date (YYYY-MM-DD) in a time zone, the same way in the browser and on the server. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone }).format(now);
}

const text = (max: number) => z.string().trim().max(max, `Keep this under ${max} characters.`);

export function quoteRequestSchema(options: { region: string; timeZone: string }) {
  return z
    .object({
      name: text(120).min(2, "Tell us your name."),
      email: text(200),
      phone: text(40),
      contactPreference: z.enum(CONTACT_PREFERENCES, { error: "Choose how we should contact you." }),
      whatsappConsent: z.boolean(),
      occasion: text(500).min(3, "Tell us what the gift is for."),
      budget: text(20),
      neededBy: text(10),
      deliveryArea: text(120),
      notes: text(2000),
      // Honeypot: hidden from people, filled in by bots.
      website: z.string().max(200),
    })
    .superRefine((value, ctx) => {
      const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
      if (value.email && !z.email().safeParse(value.email).success) issue("email", "Enter an email address like name@example.com.");
      if (value.contactPreference === "email" && !value.email) issue("email", "Enter your email address, so we can send you the quote.");
      if (value.phone && !normalizePhone(value.phone, options.region)) issue("phone", "Enter a valid phone number, e.g. 082 123 4567 or +27 82 123 4567.");
      if (value.contactPreference === "whatsapp") {
        if (!value.phone) issue("phone", "Enter your WhatsApp number, so we can send you the quote.");
        if (!value.whatsappConsent) issue("whatsappConsent", "Tick the box to let us contact you on WhatsApp, or choose email.");
      }
      if (value.budget) {
        const cents = parseMoneyToCents(value.budget);
        if (cents === null || cents <= 0) issue("budget", "Enter your budget as an amount, e.g. 750.");
      }
      if (value.neededBy) {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(value.neededBy) || Number.isNaN(Date.parse(value.neededBy))) issue("neededBy", "Choose a date.");
        else if (value.neededBy < todayIn(options.timeZone)) issue("neededBy", "Choose a date from today on.");
      }
    });
}

export type TQuoteRequest = z.infer<ReturnType<typeof quoteRequestSchema>>;

export const EMPTY_QUOTE_REQUEST: TQuoteRequest = {
  name: "",
  email: "",
  phone: "",
  contactPreference: "email",
  whatsappConsent: false,
  occasion: "",
  budget: "",
  neededBy: "",
  deliveryArea: "",
  notes: "",
  website: "",
};

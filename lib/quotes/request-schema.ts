// The quote request form's one schema, run by the browser (react-hook-form) and again on the
// server. Client-safe: no config or server imports. The phone region and the business's time
// zone come in as options: from env on the server, as props in the form.
import { z } from "zod";
import { normalizePhone } from "@/lib/phone";
import { parseMoneyToCents } from "@/lib/money";
import { todayIn } from "@/lib/calendar";
import { ZMultilineTextSchema, ZTextSchema } from "@/lib/zod/text";
import { CONTACT_PREFERENCES } from "@/lib/customers/preference-schema";

/** The longest value each field takes; the form sets the same numbers as `maxLength`. */
export const QUOTE_REQUEST_LIMITS = {
  name: 120,
  email: 254,
  phone: 30,
  occasion: 500,
  budget: 20,
  deliveryArea: 120,
  notes: 2000,
} as const;

/** One million in the business's currency: above that a budget is a typo, and cents stay inside a 32-bit integer column. */
export const MAX_BUDGET_CENTS = 100_000_000;

export function whatsappConsentText(businessName: string): string {
  return `${businessName} may contact me on WhatsApp about this quote`;
}

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

const text = (max: number, schema = ZTextSchema) => schema.trim().max(max, `Keep this to ${max} characters or fewer.`);

export function quoteRequestSchema(options: { region: string; timeZone: string }) {
  return z
    .object({
      name: text(QUOTE_REQUEST_LIMITS.name).min(2, "Tell us your name."),
      email: text(QUOTE_REQUEST_LIMITS.email),
      phone: text(QUOTE_REQUEST_LIMITS.phone),
      contactPreference: z.enum(CONTACT_PREFERENCES, { error: "Choose how we should contact you." }),
      whatsappConsent: z.boolean(),
      occasion: text(QUOTE_REQUEST_LIMITS.occasion, ZMultilineTextSchema).min(3, "Tell us what the gift is for."),
      budget: text(QUOTE_REQUEST_LIMITS.budget),
      neededBy: text(10),
      deliveryArea: text(QUOTE_REQUEST_LIMITS.deliveryArea),
      notes: text(QUOTE_REQUEST_LIMITS.notes, ZMultilineTextSchema),
      // Honeypot: hidden from people, filled in by bots. Checked by submitQuoteRequest.
      website: ZTextSchema.max(500),
    })
    .superRefine((value, ctx) => {
      const issue = (path: keyof typeof value, message: string) => ctx.addIssue({ code: "custom", path: [path], message });

      if (value.email && !z.email().safeParse(value.email).success) issue("email", "Enter an email address like name@example.com.");
      else if (value.contactPreference === "email" && !value.email) issue("email", "Enter your email address, so we can send you the quote.");

      if (value.phone && !normalizePhone(value.phone, options.region)) issue("phone", "Enter a valid phone number, e.g. 082 123 4567 or +27 82 123 4567.");
      else if (value.contactPreference === "whatsapp" && !value.phone) issue("phone", "Enter your WhatsApp number, so we can send you the quote.");

      if (value.contactPreference === "whatsapp" && !value.whatsappConsent) {
        issue("whatsappConsent", "Tick the box to let us contact you on WhatsApp, or choose email.");
      }

      if (value.budget) {
        const cents = parseMoneyToCents(value.budget);
        if (cents === null || cents <= 0) issue("budget", "Enter your budget as an amount, e.g. 750.");
        else if (cents > MAX_BUDGET_CENTS) issue("budget", "Enter a budget of up to 1 000 000, or tell us more in the notes.");
      }

      if (value.neededBy) {
        if (!isCalendarDate(value.neededBy)) issue("neededBy", "Choose a date from the calendar.");
        // YYYY-MM-DD strings compare in date order.
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

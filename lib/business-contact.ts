// How a customer reaches the business directly (BUSINESS_EMAIL, BUSINESS_PHONE): shown on the
// public pages and named in the messages that tell a customer to "contact us directly", so that
// advice is never a dead end.
import "server-only";
import { env } from "@/lib/env";

export type TBusinessContact = { email: string | null; phone: string | null; phoneHref: string | null };

export function businessContactFrom(email: string | undefined, phone: string | undefined): TBusinessContact {
  // A dialler needs digits (and the leading +), not the spaces and brackets people read.
  return { email: email ?? null, phone: phone ?? null, phoneHref: phone ? `tel:${phone.replace(/[^\d+]/g, "")}` : null };
}

export const businessContact = businessContactFrom(env.BUSINESS_EMAIL, env.BUSINESS_PHONE);

/** "contact us directly at hello@shop.example or +27 21 555 0100", or without the details when none are set. */
export function contactDirectlyText(contact: TBusinessContact = businessContact): string {
  const ways = [contact.email, contact.phone].filter(Boolean).join(" or ");
  return ways ? `contact us directly at ${ways}` : "contact us directly";
}

// The limits-and-rates settings form, used by the form (zodResolver) and the action alike.
// Client-safe. Rates are per billable message in the business's currency, with up to six
// decimals ("0.0043": Meta's rates are often fractions of a cent), kept as millionths of the
// unit; left empty, a category has no rate (counted at 0 and flagged as unrated).
import { z } from "zod";
import { RATE_CATEGORIES } from "@/lib/whatsapp-usage/cost-estimate";
import { MESSAGING_LIMIT_TIERS } from "@/lib/whatsapp-usage/tiers";

const RATE_DECIMALS = 6;
const MICROS_PER_UNIT = 10 ** RATE_DECIMALS;
/** A rate above this is a typing slip, not a price per message. */
const MAX_RATE_MICROS = 100_000 * MICROS_PER_UNIT;

/**
 * The millionths of a rate typed by a person ("0.0043", "0,68", "R 1.5"); null for an empty
 * field, undefined when it is not a rate. The last separator is the decimal one, since a rate is
 * small ("0.015" is a cent and a half, a thousand is typed 1000); one repeated ("1.000.000") or
 * earlier ones ("1,250.50") group thousands.
 */
export function rateToMicros(input: string): number | null | undefined {
  const trimmed = input.trim();
  if (!trimmed) return null;
  const cleaned = trimmed.replace(/^[^\d.,-]+/, "").replace(/\s+/g, "");
  if (!/^\d[\d.,]*$|^[.,]\d+$/.test(cleaned)) return undefined;
  const last = Math.max(cleaned.lastIndexOf("."), cleaned.lastIndexOf(","));
  const separator = cleaned[last];
  const decimal = last >= 0 && cleaned.indexOf(separator!) === last;
  const whole = (decimal ? cleaned.slice(0, last) : cleaned).replace(/[.,]/g, "");
  const fraction = decimal ? cleaned.slice(last + 1) : "";
  if (fraction.length > RATE_DECIMALS || (decimal && !fraction)) return undefined;
  const micros = Number(whole || "0") * MICROS_PER_UNIT + Number(fraction.padEnd(RATE_DECIMALS, "0"));
  return Number.isSafeInteger(micros) && micros <= MAX_RATE_MICROS ? micros : undefined;
}

/** A stored rate as the form shows it: at least two decimals, no trailing zeros past them ("0.68", "0.0043"). */
export function microsToRateText(micros: number): string {
  const text = (micros / MICROS_PER_UNIT).toFixed(RATE_DECIMALS);
  return text.replace(/(\.\d\d\d*?)0+$/, "$1");
}

const ZRate = z
  .string()
  .max(20, "Keep it short: an amount such as 0.0043.")
  .refine((value) => rateToMicros(value) !== undefined, `Enter an amount such as 0.15 or 0.0043 (at most ${RATE_DECIMALS} decimals), or leave it empty.`);

export const ZUsageSettingsSchema = z.object({
  fallbackTier: z.enum(MESSAGING_LIMIT_TIERS, { message: "Choose one of Meta's messaging limits." }),
  ...(Object.fromEntries(RATE_CATEGORIES.map((category) => [category, ZRate])) as Record<(typeof RATE_CATEGORIES)[number], typeof ZRate>),
});

export type TUsageSettingsInput = z.infer<typeof ZUsageSettingsSchema>;

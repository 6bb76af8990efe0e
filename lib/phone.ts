// Phone numbers are stored the way Meta wants them: digits with country code, no "+".
// No config import here: the quote form's schema runs in the browser too, so callers pass the
// default region (DEFAULT_PHONE_REGION on the server).
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

export function normalizePhone(input: string, region: string): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), region.toUpperCase() as CountryCode);
  if (!parsed || !parsed.isValid()) return null;
  return parsed.number.slice(1);
}

export function formatPhone(digits: string | null | undefined): string {
  if (!digits) return "—";
  const parsed = parsePhoneNumberFromString(`+${digits}`);
  return parsed ? parsed.formatInternational() : `+${digits}`;
}

// How the customer pages name a contact detail and show its value: in offers ("New phone
// offered on Q-2026-0042: +27 82 123 4567") and in the customer's history. Client-safe.
import { formatPhone } from "@/lib/phone";
import { CONTACT_PREFERENCE_LABEL, type TContactPreference } from "@/lib/customers/preference-schema";

const FIELD_LABEL: Record<string, string> = { name: "name", email: "email", phone: "phone", contactPreference: "contact preference" };

/** "phone", "contact preference"; an unknown field is shown as stored. */
export function contactFieldLabel(field: string | null): string {
  return field ? (FIELD_LABEL[field] ?? field) : "detail";
}

/** A stored value as a person reads it: phones with +country code, preferences by name. */
export function contactFieldValue(field: string | null, value: string | null): string {
  if (value === null || value === "") return "none";
  if (field === "phone") return formatPhone(value);
  if (field === "contactPreference") return CONTACT_PREFERENCE_LABEL[value as TContactPreference] ?? value;
  return value;
}

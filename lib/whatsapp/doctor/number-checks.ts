// The phone number's checks: it belongs to the configured WhatsApp Business Account, its display
// name may be shown, its quality and status, the messaging limit, the throughput, and whether it
// is Meta's test number (which reaches only a short allowed list).
import { ZPhoneNumberSchema, ZPhoneNumbersSchema, type TPhoneNumberAnswer } from "@/lib/whatsapp/doctor/schemas";
import { fixFor, isTokenRefusal, NEW_TOKEN_FIX, readAnswer } from "@/lib/whatsapp/doctor/read-answer";
import type { TAnswerError, TCheck, TDoctorInput } from "@/lib/whatsapp/doctor/types";

const IDS_FIX = "Set WHATSAPP_PHONE_NUMBER_ID and WHATSAPP_WABA_ID to the ids shown in App Dashboard → WhatsApp → API Setup.";
const LIMITS: Record<string, string> = { TIER_250: "250", TIER_2K: "2,000", TIER_10K: "10,000", TIER_100K: "100,000", TIER_UNLIMITED: "an unlimited number of" };

function failedCall(error: TAnswerError, what: string): Pick<TCheck, "state" | "verdict" | "fix"> {
  if (isTokenRefusal(error)) return { state: "fail", verdict: `Not checked: Meta refused the access token (${error.title}).`, fix: NEW_TOKEN_FIX };
  if (error.code === 100) return { state: "fail", verdict: `${what} was not found, or the token cannot reach it (code 100${error.subcode ? `/${error.subcode}` : ""}).`, fix: IDS_FIX };
  return { state: "fail", verdict: `${what} could not be read: ${error.title} (code ${error.code}).`, fix: fixFor(error) };
}

/** Meta's test numbers are US 555 numbers named "Test Number". */
export function isTestNumber(phone: Pick<TPhoneNumberAnswer, "display_phone_number" | "verified_name">): boolean {
  const digits = (phone.display_phone_number ?? "").replace(/\D/g, "");
  return digits.startsWith("1555") || /^test number$/i.test(phone.verified_name?.trim() ?? "");
}

function inWaba(input: TDoctorInput): TCheck {
  const check = { id: "number_in_waba" as const, label: "Number in the WhatsApp account" };
  const { phoneNumberId, wabaId } = input.setup;
  const read = readAnswer(input.answers.phoneNumbers, ZPhoneNumbersSchema);
  if (!read.ok) return { ...check, ...failedCall(read.error, `WhatsApp account ${wabaId} (WHATSAPP_WABA_ID)`) };
  const own = read.value.data.find((number) => number.id === phoneNumberId);
  if (own) return { ...check, state: "ok", verdict: `Number ${own.display_phone_number ?? phoneNumberId} (id ${phoneNumberId}) belongs to WhatsApp account ${wabaId}.` };
  const others = read.value.data.map((number) => `${number.display_phone_number ?? "?"} (id ${number.id})`).join(", ") || "none";
  return { ...check, state: "fail", verdict: `WhatsApp account ${wabaId} has the numbers ${others}, not id ${phoneNumberId} (WHATSAPP_PHONE_NUMBER_ID).`, fix: IDS_FIX };
}

function displayName(phone: TPhoneNumberAnswer): TCheck {
  const check = { id: "display_name" as const, label: "Display name" };
  const name = phone.verified_name ? `"${phone.verified_name}"` : "The display name";
  switch (phone.name_status) {
    case "APPROVED":
      return { ...check, state: "ok", verdict: `${name} is approved.` };
    case "AVAILABLE_WITHOUT_REVIEW":
      return { ...check, state: "ok", verdict: `${name} may be used while Meta has not reviewed it.` };
    case "PENDING_REVIEW":
      return { ...check, state: "warn", verdict: `${name} is waiting for Meta's review; sends may fail with 131037 until it is approved.`, fix: "Wait for the review (WhatsApp Manager → Phone numbers shows its state)." };
    case "DECLINED":
    case "EXPIRED":
      return { ...check, state: "fail", verdict: `${name} was ${phone.name_status.toLowerCase()} by Meta.`, fix: "Submit a display name that follows Meta's display name rules in WhatsApp Manager → Phone numbers." };
    default:
      return { ...check, state: "warn", verdict: `${name} has no approved status (${phone.name_status ?? "none given"}).`, fix: "Set a display name in WhatsApp Manager → Phone numbers." };
  }
}

function quality(phone: TPhoneNumberAnswer): TCheck {
  const check = { id: "quality" as const, label: "Quality and status" };
  if (phone.status && !["CONNECTED", "MIGRATED"].includes(phone.status)) {
    return { ...check, state: "fail", verdict: `The number's status is ${phone.status}: Meta limits or stops its messages.`, fix: "See WhatsApp Manager → Phone numbers → Insights for why, and Meta Business Support to appeal." };
  }
  switch (phone.quality_rating) {
    case "GREEN":
      return { ...check, state: "ok", verdict: "Quality GREEN, connected." };
    case "YELLOW":
      return { ...check, state: "warn", verdict: "Quality YELLOW: customers have blocked or reported some messages.", fix: "Send fewer marketing messages and only to customers who asked for them." };
    case "RED":
      return { ...check, state: "fail", verdict: "Quality RED: Meta may lower the messaging limit or restrict the number.", fix: "Pause marketing messages; send only what customers asked for until the rating recovers." };
    default:
      return { ...check, state: "ok", verdict: `Not rated yet (${phone.quality_rating ?? "no rating"}), connected.` };
  }
}

function messagingLimit(phone: TPhoneNumberAnswer): TCheck {
  const check = { id: "messaging_limit" as const, label: "Messaging limit" };
  const tier = phone.whatsapp_business_manager_messaging_limit ?? phone.messaging_limit_tier;
  const customers = tier ? LIMITS[tier] : undefined;
  if (!customers) return { ...check, state: "warn", verdict: `Meta gave no known messaging limit (${tier ?? "none"}).`, fix: "Check the limit in WhatsApp Manager → Overview." };
  return { ...check, state: "ok", verdict: `Business-initiated messages may reach ${customers} customers in any 24 hours (${tier}).` };
}

function throughput(phone: TPhoneNumberAnswer, input: TDoctorInput): TCheck {
  const check = { id: "throughput" as const, label: "Throughput" };
  const level = phone.throughput?.level;
  const max = input.setup.maxMessagesPerSecond;
  if (level === "STANDARD" && max > 80) {
    return { ...check, state: "warn", verdict: `Standard throughput is 80 messages a second, but WHATSAPP_MAX_MPS is ${max}: sends above 80 get 130429.`, fix: "Set WHATSAPP_MAX_MPS to 80." };
  }
  if (level === "STANDARD") return { ...check, state: "ok", verdict: `Standard: 80 messages a second (the app sends at most ${max}).` };
  if (level === "HIGH") return { ...check, state: "ok", verdict: `High: up to 1,000 messages a second (the app sends at most ${max}).` };
  return { ...check, state: "ok", verdict: `Throughput level ${level ?? "not given"} (the app sends at most ${max} a second).` };
}

function testNumber(phone: TPhoneNumberAnswer, input: TDoctorInput): TCheck {
  const check = { id: "test_number" as const, label: "Test number" };
  if (!isTestNumber(phone)) return { ...check, state: "ok", verdict: `${phone.display_phone_number ?? "The number"} is a business number, not Meta's test number.` };
  return {
    ...check,
    // Live, a test number cannot reach customers; in the built-in sandbox it is expected.
    state: input.setup.mode === "live" ? "fail" : "warn",
    verdict: `${phone.display_phone_number ?? "This"} is Meta's test number: it reaches only the (up to 5) recipients added to its allowed list; anyone else gets error 131030.`,
    fix: "Add each recipient in App Dashboard → WhatsApp → API Setup, or register the business's own number and set WHATSAPP_PHONE_NUMBER_ID to it.",
  };
}

export function numberChecks(input: TDoctorInput): TCheck[] {
  const read = readAnswer(input.answers.phoneNumber, ZPhoneNumberSchema);
  if (!read.ok) {
    const failed = failedCall(read.error, `Phone number ${input.setup.phoneNumberId} (WHATSAPP_PHONE_NUMBER_ID)`);
    const notChecked = (id: TCheck["id"], label: string): TCheck => ({ id, label, state: "warn", verdict: "Not checked: the phone number could not be read (see Display name)." });
    return [
      inWaba(input),
      { id: "display_name", label: "Display name", ...failed },
      notChecked("quality", "Quality and status"),
      notChecked("messaging_limit", "Messaging limit"),
      notChecked("throughput", "Throughput"),
      notChecked("test_number", "Test number"),
    ];
  }
  const phone = read.value;
  return [inWaba(input), displayName(phone), quality(phone), messagingLimit(phone), throughput(phone, input), testNumber(phone, input)];
}

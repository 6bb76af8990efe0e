// The access token's checks, from debug_token (asked with the app's own token): valid, type,
// expiry, and both WhatsApp permissions covering this WhatsApp Business Account. Without
// WHATSAPP_APP_ID debug_token cannot be asked; validity is then read from whether the phone
// number call was accepted.
import { ZDebugTokenSchema, type TDebugTokenAnswer } from "@/lib/whatsapp/doctor/schemas";
import { fixFor, formatUtc, isTokenRefusal, NEW_TOKEN_FIX, readAnswer } from "@/lib/whatsapp/doctor/read-answer";
import type { TCheck, TDoctorInput, TTokenFacts } from "@/lib/whatsapp/doctor/types";

const REQUIRED_SCOPES = ["whatsapp_business_messaging", "whatsapp_business_management"];
const DAY_MS = 24 * 3_600_000;
const APP_ID_FIX = "Set WHATSAPP_APP_ID (App Dashboard → App settings → Basic) so the token's type, expiry and permissions can be checked.";

type TTokenView = { kind: "debugged"; data: TDebugTokenAnswer } | { kind: "unknown"; verdict: string; fix: string } | { kind: "refused"; facts: TTokenFacts; verdict: string };

function viewToken({ answers, setup }: TDoctorInput): TTokenView {
  const phone = answers.phoneNumber;
  const refused: TTokenView | null =
    !phone.ok && isTokenRefusal(phone.error)
      ? {
          kind: "refused",
          facts: { valid: false, type: null, expiresAt: null, refusal: phone.error },
          verdict: `Meta refused the access token: ${phone.error.title} (code ${phone.error.code}${phone.error.subcode ? `/${phone.error.subcode}` : ""}).`,
        }
      : null;
  if (!answers.debugToken) return refused ?? { kind: "unknown", verdict: "Not checked: WHATSAPP_APP_ID is not set.", fix: APP_ID_FIX };
  const read = readAnswer(answers.debugToken, ZDebugTokenSchema);
  if (!read.ok) {
    const fix = isTokenRefusal(read.error) ? "Check WHATSAPP_APP_ID and WHATSAPP_APP_SECRET (App Dashboard → App settings → Basic): debug_token is asked with them." : fixFor(read.error);
    return refused ?? { kind: "unknown", verdict: `Not checked: debug_token failed: ${read.error.title}.`, fix };
  }
  if (setup.appId && read.value.data.app_id && read.value.data.app_id !== setup.appId) {
    return refused ?? { kind: "unknown", verdict: `Not checked: the token belongs to app ${read.value.data.app_id}, not WHATSAPP_APP_ID ${setup.appId}.`, fix: "Set WHATSAPP_APP_ID to the app the token was made for, or make the token in this app." };
  }
  // debug_token tells why a token is not valid (and since when); a refusal on the token's own
  // call wins over a debug_token that still calls it valid.
  if (refused && read.value.data.is_valid) return refused;
  return { kind: "debugged", data: read.value.data };
}

const expiresAtOf = (data: TDebugTokenAnswer) => (data.expires_at && data.expires_at > 0 ? new Date(data.expires_at * 1000) : null);

export function tokenFacts(input: TDoctorInput): TTokenFacts {
  const view = viewToken(input);
  if (view.kind === "refused") return view.facts;
  if (view.kind === "unknown") return { valid: input.answers.phoneNumber.ok ? true : null, type: null, expiresAt: null, refusal: null };
  const refusal = view.data.is_valid ? null : { code: view.data.error?.code ?? 190, subcode: view.data.error?.subcode, title: view.data.error?.message ?? "Access token not valid", action: NEW_TOKEN_FIX };
  return { valid: view.data.is_valid, type: view.data.type ?? null, expiresAt: expiresAtOf(view.data), refusal };
}

export function tokenChecks(input: TDoctorInput): TCheck[] {
  const view = viewToken(input);
  const valid: TCheck = { id: "token_valid", label: "Access token", state: "ok", verdict: "" };
  const type: TCheck = { id: "token_type", label: "Token type", state: "ok", verdict: "" };
  const expiry: TCheck = { id: "token_expiry", label: "Token expiry", state: "ok", verdict: "" };
  const scopes: TCheck = { id: "token_scopes", label: "Permissions", state: "ok", verdict: "" };
  const notChecked = (verdict: string, fix?: string) => [type, expiry, scopes].map((check) => ({ ...check, state: "warn" as const, verdict, fix }));

  if (view.kind === "refused") {
    return [{ ...valid, state: "fail", verdict: view.verdict, fix: NEW_TOKEN_FIX }, ...notChecked("Not checked: the token is refused.")];
  }
  if (view.kind === "unknown") {
    const accepted = input.answers.phoneNumber.ok;
    return [
      accepted ? { ...valid, verdict: "Meta accepted the token (the phone number answered)." } : { ...valid, state: "warn", verdict: view.verdict, fix: view.fix },
      ...notChecked(view.verdict, view.fix),
    ];
  }
  const { data } = view;
  const expiresAt = expiresAtOf(data);
  if (!data.is_valid) {
    const expired = data.error?.subcode === 463 || (expiresAt !== null && expiresAt <= input.now);
    const verdict = expired && expiresAt ? `The access token expired on ${formatUtc(expiresAt)}.` : `Meta says the access token is not valid${data.error?.message ? `: ${data.error.message}` : "."}`;
    return [{ ...valid, state: "fail", verdict, fix: NEW_TOKEN_FIX }, ...notChecked("Not checked: the token is not valid.")];
  }
  const checks: TCheck[] = [{ ...valid, verdict: `Valid${data.application ? `, for the app ${data.application}` : ""}.` }];

  if (data.type === "SYSTEM_USER") checks.push({ ...type, verdict: "A system-user token, the kind meant for a server." });
  else {
    checks.push({
      ...type,
      state: "warn",
      verdict: data.type === "USER" ? "A person's user token: it stops working when they log out, change their password or lose access." : `A ${data.type ?? "token of unknown type"}.`,
      fix: NEW_TOKEN_FIX,
    });
  }

  if (!expiresAt) checks.push({ ...expiry, verdict: "Never expires." });
  else {
    const hours = Math.max(0, Math.round((expiresAt.getTime() - input.now.getTime()) / 3_600_000));
    const soon = expiresAt.getTime() - input.now.getTime() <= DAY_MS;
    checks.push({
      ...expiry,
      state: "warn",
      verdict: soon ? `Expires within a day: in about ${hours} hours (${formatUtc(expiresAt)}). WhatsApp sends stop then.` : `A temporary token: it expires on ${formatUtc(expiresAt)}.`,
      fix: NEW_TOKEN_FIX,
    });
  }

  const missing = REQUIRED_SCOPES.filter((scope) => !data.scopes?.includes(scope));
  const uncovered = REQUIRED_SCOPES.filter((scope) => {
    const targets = data.granular_scopes?.find((granular) => granular.scope === scope)?.target_ids;
    // No target_ids: the permission covers every account the token reaches.
    return !missing.includes(scope) && targets !== undefined && !targets.includes(input.setup.wabaId);
  });
  if (missing.length) {
    checks.push({ ...scopes, state: "fail", verdict: `The token lacks ${missing.join(" and ")}.`, fix: NEW_TOKEN_FIX });
  } else if (uncovered.length) {
    const targets = [...new Set(data.granular_scopes?.flatMap((granular) => granular.target_ids ?? []))];
    checks.push({
      ...scopes,
      state: "fail",
      verdict: `${uncovered.join(" and ")} cover${uncovered.length === 1 ? "s" : ""} WhatsApp account${targets.length === 1 ? "" : "s"} ${targets.join(", ") || "none"}, not ${input.setup.wabaId} (WHATSAPP_WABA_ID).`,
      fix: "Check WHATSAPP_WABA_ID, or give the system user this WhatsApp account (Business settings → System users → Assign assets) and generate the token again.",
    });
  } else {
    checks.push({ ...scopes, verdict: `Both whatsapp_business_messaging and whatsapp_business_management, for WhatsApp account ${input.setup.wabaId}.` });
  }
  return checks;
}

// Checks the WhatsApp set-up the way the business learned to: token valid and not about to
// expire, both permissions granted for this account, phone number linked and its display name
// approved. Shown to admins before a send fails. Kept a few minutes: each check is a Graph call.
import "server-only";
import { whatsappConfig } from "@/lib/env";
import { WhatsAppError } from "@/lib/whatsapp/errors";
import { getWhatsAppClient } from "@/lib/messages/whatsapp-client";

export type THealthCheck = { label: string; state: "ok" | "warning" | "error"; detail: string };

const REQUIRED_SCOPES = ["whatsapp_business_messaging", "whatsapp_business_management"];
const TTL_MS = 5 * 60_000;
const globalForHealth = globalThis as unknown as { ssgWhatsAppHealth?: { at: number; checks: THealthCheck[] } };

function failed(label: string, error: unknown): THealthCheck {
  if (error instanceof WhatsAppError) return { label, state: "error", detail: `${error.title}. ${error.action}` };
  throw error;
}

async function checkToken(): Promise<THealthCheck> {
  const label = "Access token";
  try {
    const token = await getWhatsAppClient().debugToken();
    if (!token) return { label, state: "warning", detail: "Set WHATSAPP_APP_ID so the app can check the token's expiry and permissions." };
    if (!token.is_valid) return { label, state: "error", detail: "The token is not valid any more. Make a new system-user token and update WHATSAPP_ACCESS_TOKEN." };
    const missing = REQUIRED_SCOPES.filter((scope) => !token.scopes?.includes(scope));
    if (missing.length) return { label, state: "error", detail: `The token lacks ${missing.join(" and ")}. Grant it and make a new token.` };
    const uncovered = REQUIRED_SCOPES.filter((scope) => {
      const targets = token.granular_scopes?.find((granular) => granular.scope === scope)?.target_ids;
      return targets && !targets.includes(whatsappConfig.wabaId);
    });
    if (uncovered.length) return { label, state: "error", detail: `The token's ${uncovered.join(" and ")} permission does not cover WhatsApp account ${whatsappConfig.wabaId}.` };
    if (token.expires_at && token.expires_at > 0) {
      const hours = Math.round((token.expires_at * 1000 - Date.now()) / 3_600_000);
      return { label, state: "warning", detail: `A temporary token: it expires in about ${hours} hours. Make a system-user token that does not expire.` };
    }
    return { label, state: "ok", detail: `${token.type === "SYSTEM_USER" ? "System-user token" : "Token"} with both permissions; it does not expire.` };
  } catch (error) {
    return failed(label, error);
  }
}

async function checkPhoneNumber(): Promise<THealthCheck> {
  const label = "Phone number";
  try {
    const phone = await getWhatsAppClient().getPhoneNumber();
    const name = `${phone.display_phone_number ?? whatsappConfig.phoneNumberId} (${phone.verified_name ?? "no name"})`;
    if (phone.name_status === "PENDING_REVIEW") return { label, state: "warning", detail: `${name}: the display name is waiting for Meta's review; sends may fail with 131037 until it is approved.` };
    if (phone.name_status === "DECLINED" || phone.name_status === "EXPIRED") return { label, state: "error", detail: `${name}: the display name was ${phone.name_status.toLowerCase()}. Submit it again in WhatsApp Manager.` };
    if (phone.status && !["CONNECTED", "MIGRATED"].includes(phone.status)) return { label, state: "error", detail: `${name}: status ${phone.status}.` };
    const limit = phone.whatsapp_business_manager_messaging_limit ? `, limit ${phone.whatsapp_business_manager_messaging_limit}` : "";
    return { label, state: phone.quality_rating === "RED" ? "warning" : "ok", detail: `${name}, quality ${phone.quality_rating ?? "unknown"}${limit}.` };
  } catch (error) {
    return failed(label, error);
  }
}

export async function whatsappHealth(now = Date.now()): Promise<THealthCheck[]> {
  const cached = globalForHealth.ssgWhatsAppHealth;
  if (cached && now - cached.at < TTL_MS) return cached.checks;
  const checks = await Promise.all([checkToken(), checkPhoneNumber()]);
  globalForHealth.ssgWhatsAppHealth = { at: now, checks };
  return checks;
}

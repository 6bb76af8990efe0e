// The checks about how Meta reaches the app: the app subscribed to the WhatsApp account's
// webhooks, signed deliveries actually arriving (the heartbeat, from the database), and the
// verify token and app secret the webhook route needs.
import { ZSubscribedAppsSchema } from "@/lib/whatsapp/doctor/schemas";
import { fixFor, formatUtc, readAnswer } from "@/lib/whatsapp/doctor/read-answer";
import type { TCheck, TDoctorInput } from "@/lib/whatsapp/doctor/types";

/** Status webhooks follow an accepted send within seconds; this long without one means none are coming. */
export const HEARTBEAT_GRACE_MS = 10 * 60_000;

function subscribed(input: TDoctorInput): TCheck {
  const check = { id: "webhooks_subscribed" as const, label: "Webhook subscription" };
  const { wabaId, appId } = input.setup;
  const fix = `Subscribe the app to WhatsApp account ${wabaId}: POST /${wabaId}/subscribed_apps with the access token (or App Dashboard → WhatsApp → Configuration), and subscribe to the messages field.`;
  const read = readAnswer(input.answers.subscribedApps, ZSubscribedAppsSchema);
  if (!read.ok) return { ...check, state: "fail", verdict: `Could not read the subscribed apps: ${read.error.title} (code ${read.error.code}).`, fix: read.error.code === 100 ? fix : fixFor(read.error) };
  const apps = read.value.data.map((entry) => entry.whatsapp_business_api_data).filter((app) => app !== undefined);
  if (apps.length === 0) return { ...check, state: "fail", verdict: `No app is subscribed to WhatsApp account ${wabaId}'s webhooks: no replies or delivery statuses will arrive.`, fix };
  const ours = appId ? apps.find((app) => app.id === appId) : apps[0];
  if (!ours) {
    return { ...check, state: "fail", verdict: `Other apps (${apps.map((app) => app.name ?? app.id).join(", ")}) are subscribed, not this one (WHATSAPP_APP_ID ${appId}).`, fix };
  }
  return { ...check, state: "ok", verdict: `${ours.name ?? ours.id ?? "The app"} receives WhatsApp account ${wabaId}'s webhooks.` };
}

function heartbeat(input: TDoctorInput): TCheck {
  const check = { id: "webhook_heartbeat" as const, label: "Webhook heartbeat" };
  const { lastReceivedAt, lastAcceptedAt } = input.heartbeat;
  const fix = `In Meta's webhook settings the callback URL must be ${input.setup.webhookUrl} with WHATSAPP_VERIFY_TOKEN, subscribed to messages; and WHATSAPP_APP_SECRET must be the app's secret (deliveries with another signature are refused).`;
  const waiting = lastAcceptedAt && (!lastReceivedAt || lastReceivedAt < lastAcceptedAt) && input.now.getTime() - lastAcceptedAt.getTime() > HEARTBEAT_GRACE_MS;
  if (waiting) {
    const since = lastReceivedAt ? `the last one came ${formatUtc(lastReceivedAt)}` : "none has ever arrived";
    return { ...check, state: "fail", verdict: `A message was accepted ${formatUtc(lastAcceptedAt)} but no signed webhook followed: ${since}.`, fix };
  }
  if (!lastReceivedAt) return { ...check, state: "warn", verdict: "No signed webhook has arrived yet.", fix: `Send a message and run the doctor again. ${fix}` };
  return { ...check, state: "ok", verdict: `The last signed webhook arrived ${formatUtc(lastReceivedAt)}.` };
}

function secrets(input: TDoctorInput): TCheck {
  const check = { id: "secrets" as const, label: "Verify token and app secret" };
  const missing = [!input.setup.verifyTokenSet && "WHATSAPP_VERIFY_TOKEN", !input.setup.appSecretSet && "WHATSAPP_APP_SECRET"].filter(Boolean);
  if (missing.length) {
    return { ...check, state: "fail", verdict: `${missing.join(" and ")} ${missing.length === 1 ? "is" : "are"} not set: Meta's webhooks cannot be verified.`, fix: "Set WHATSAPP_VERIFY_TOKEN (your choice, also entered in Meta's webhook settings) and WHATSAPP_APP_SECRET (App settings → Basic)." };
  }
  return { ...check, state: "ok", verdict: input.setup.mode === "sandbox" ? "Both set (derived for the built-in sandbox)." : "Both set." };
}

export function setupChecks(input: TDoctorInput): TCheck[] {
  return [subscribed(input), heartbeat(input), secrets(input)];
}

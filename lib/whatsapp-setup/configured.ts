// The doctor and the token hold on this installation's configuration: the configured WhatsApp
// client (or the built-in sandbox), the heartbeat from the database, and the stored state.
import "server-only";
import { appUrl, env, whatsappConfig } from "@/lib/env";
import { createWhatsAppClient } from "@/lib/whatsapp/client";
import { WhatsAppError } from "@/lib/whatsapp/errors";
import { runDoctor, type TDoctorClient } from "@/lib/whatsapp/doctor/runner";
import type { TDoctorResult, TDoctorSetup } from "@/lib/whatsapp/doctor/types";
import { readHeartbeat } from "@/lib/whatsapp-setup/heartbeat";
import { TOKEN_HOLD_MS } from "@/lib/whatsapp-setup/hold-interval";
import { recordDoctorResult, recordRefusal, type TSetupKey } from "@/lib/whatsapp-setup/state";
import { tokenHash } from "@/lib/whatsapp-setup/token-hash";
import { createTokenGate, releaseHeldMessages, type TTokenGate } from "@/lib/whatsapp-setup/token-hold";

// Per module, like lib/messages/whatsapp-client.ts: `instanceof WhatsAppError` must see this bundle's class.
let client: TDoctorClient | undefined;
const doctorClient = () => (client ??= createWhatsAppClient(whatsappConfig));

export const configuredSetupKey = (): TSetupKey => ({ phoneNumberId: whatsappConfig.phoneNumberId, tokenHash: tokenHash(whatsappConfig.accessToken) });

export function configuredDoctorSetup(): TDoctorSetup {
  return {
    mode: whatsappConfig.mode,
    phoneNumberId: whatsappConfig.phoneNumberId,
    wabaId: whatsappConfig.wabaId,
    appId: whatsappConfig.appId,
    appSecretSet: !!whatsappConfig.appSecret,
    verifyTokenSet: !!whatsappConfig.verifyToken,
    maxMessagesPerSecond: env.WHATSAPP_MAX_MPS,
    webhookUrl: `${appUrl}/api/webhooks/whatsapp`,
  };
}

/**
 * Stores a doctor's result: a token found working releases the sends held for it, one found
 * refused holds them (no send need fail first).
 */
export async function recordCheck(key: TSetupKey, result: TDoctorResult): Promise<void> {
  await recordDoctorResult(key, result);
  if (result.token.valid) await releaseHeldMessages(result.at);
  else if (result.token.valid === false && result.token.refusal) {
    const { refusal } = result.token;
    await recordRefusal(key, { code: String(refusal.code), title: refusal.title, at: result.at, nextCheckAt: new Date(result.at.getTime() + TOKEN_HOLD_MS) });
  }
}

/** Runs every check on the configured set-up and stores the result. */
export async function runConfiguredDoctor(now = new Date()): Promise<TDoctorResult> {
  const result = await runDoctor(doctorClient(), { setup: configuredDoctorSetup(), heartbeat: await readHeartbeat(), now });
  await recordCheck(configuredSetupKey(), result);
  return result;
}

/** Does the token work? debug_token when it can be asked, else a call made with it; null when Meta could not be reached. */
export async function tokenWorks(source: Pick<TDoctorClient, "debugToken" | "getPhoneNumber">): Promise<boolean | null> {
  try {
    const debugged = await source.debugToken();
    if (debugged) return debugged.is_valid;
    await source.getPhoneNumber();
    return true;
  } catch (error) {
    if (error instanceof WhatsAppError && (error.code === 190 || error.code === 0)) return false;
    return null;
  }
}

export function createConfiguredTokenGate(): TTokenGate {
  return createTokenGate({ key: configuredSetupKey(), check: () => tokenWorks(doctorClient()) });
}

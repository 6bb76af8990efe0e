// The built-in Graph API emulator, active only while no WhatsApp access token is configured.
// It lives in the app's process (served under /api/sandbox/graph) and sends its signed webhooks
// back to this app's webhook route over HTTP, the way Meta would.
import "server-only";
import { appUrl, env, whatsappConfig } from "@/lib/env";
import { createGraphSandbox } from "@/lib/whatsapp/sandbox";

type TSandbox = ReturnType<typeof createGraphSandbox>;

const globalForSandbox = globalThis as unknown as { ssgSandbox?: TSandbox };

export function getSandbox(): TSandbox | null {
  if (whatsappConfig.mode !== "sandbox") return null;
  return (globalForSandbox.ssgSandbox ??= createGraphSandbox({
    appSecret: whatsappConfig.appSecret,
    accessToken: whatsappConfig.accessToken,
    phoneNumberId: whatsappConfig.phoneNumberId,
    wabaId: whatsappConfig.wabaId,
    version: whatsappConfig.version,
    webhookUrl: `${appUrl}/api/webhooks/whatsapp`,
    webhookDelayMs: env.WHATSAPP_SANDBOX_WEBHOOK_DELAY_MS,
    // As Meta does: free text outside the window is accepted, then failed by webhook (131047).
    windowFailure: "webhook",
    // The media URLs it hands out are fetched by this app's client, through the same route.
    publicUrl: whatsappConfig.baseUrl,
  }));
}

// The app's one WhatsApp client, on the configured credentials (or the built-in sandbox).
import { whatsappConfig } from "@/lib/env";
import { createWhatsAppClient } from "@/lib/whatsapp/client";

type TClient = ReturnType<typeof createWhatsAppClient>;

const globalForClient = globalThis as unknown as { ssgWhatsAppClient?: TClient };

export function getWhatsAppClient(): TClient {
  return (globalForClient.ssgWhatsAppClient ??= createWhatsAppClient(whatsappConfig));
}

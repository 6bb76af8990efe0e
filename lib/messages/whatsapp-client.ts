// The app's one WhatsApp client, on the configured credentials (or the built-in sandbox).
//
// Kept per module, not on globalThis: Next evaluates modules once for instrumentation (where the
// outbox dispatcher runs) and again for routes, and a client shared across the two would throw
// the other bundle's WhatsAppError, which `instanceof` in this bundle does not recognise.
import "server-only";
import { whatsappConfig } from "@/lib/env";
import { createWhatsAppClient } from "@/lib/whatsapp/client";

type TClient = ReturnType<typeof createWhatsAppClient>;

let client: TClient | undefined;

export function getWhatsAppClient(): TClient {
  return (client ??= createWhatsAppClient(whatsappConfig));
}

import { whatsappConfig } from "@/lib/env";

/** Shown on every admin page while WhatsApp runs against the built-in sandbox. */
export function SandboxBanner() {
  if (whatsappConfig.mode !== "sandbox") return null;
  return (
    <div className="bg-amber-400 px-4 py-2 text-center text-sm font-medium text-amber-950" data-testid="sandbox-banner">
      WhatsApp sandbox: messages are not reaching customers. Set WHATSAPP_ACCESS_TOKEN to send for real.
    </div>
  );
}

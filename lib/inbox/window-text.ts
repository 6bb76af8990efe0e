// The 24-hour customer service window in words, for the thread's reply box: how long free text
// is still allowed, or why only a template is.
import { serviceWindow } from "@/lib/whatsapp/window";

const MINUTE_MS = 60_000;

/** "23 h 5 min", "45 min", "under a minute". */
export function formatRemaining(ms: number): string {
  const minutes = Math.floor(ms / MINUTE_MS);
  if (minutes < 1) return "under a minute";
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

export function windowText(lastInboundAt: Date | null, now = new Date()): string {
  const window = serviceWindow(lastInboundAt, now);
  if (window.open && window.closesAt) {
    return `The 24-hour window is open: free text is allowed for ${formatRemaining(window.closesAt.getTime() - now.getTime())} more.`;
  }
  if (lastInboundAt) return "The 24-hour window has closed: WhatsApp only allows an approved template until the customer writes again.";
  return "The customer has not written to us on WhatsApp, so only an approved template is allowed until they do.";
}

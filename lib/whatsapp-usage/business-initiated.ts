// Which sends count toward the messaging limit: Meta counts the customers a business messages
// outside their 24-hour customer service window, which only a template may do. A template sent
// inside an open window (an admin's choice) and every free-text reply do not count.
import { serviceWindow } from "@/lib/whatsapp/window";

export function isBusinessInitiated(content: { channel: string; kind: string }, lastInboundWhatsAppAt: Date | null, now: Date): boolean {
  return content.channel === "whatsapp" && content.kind === "template" && !serviceWindow(lastInboundWhatsAppAt, now).open;
}

// The customer service window: 24 hours from the customer's last message to the business.
// Inside it any message may be sent; outside it only approved templates.
export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

export function serviceWindow(lastInboundAt: Date | null, now = new Date()): { open: boolean; closesAt?: Date } {
  if (!lastInboundAt) return { open: false };
  const closesAt = new Date(lastInboundAt.getTime() + SERVICE_WINDOW_MS);
  return closesAt > now ? { open: true, closesAt } : { open: false, closesAt };
}

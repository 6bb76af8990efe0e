// The webhook heartbeat from the database: the newest signed delivery stored (the webhook route
// stores only deliveries whose signature checked out) and the newest WhatsApp send Meta accepted.
import "server-only";
import { db } from "@/lib/db";
import type { THeartbeat } from "@/lib/whatsapp/doctor/types";

export async function readHeartbeat(): Promise<THeartbeat> {
  const [delivery, accepted] = await Promise.all([
    db.webhookDelivery.findFirst({ where: { source: "whatsapp" }, orderBy: { receivedAt: "desc" }, select: { receivedAt: true } }),
    // Newest first by the indexed creation time: the scan stops at the first accepted one.
    db.message.findFirst({ where: { channel: "whatsapp", direction: "outbound", acceptedAt: { not: null } }, orderBy: { createdAt: "desc" }, select: { acceptedAt: true } }),
  ]);
  return { lastReceivedAt: delivery?.receivedAt ?? null, lastAcceptedAt: accepted?.acceptedAt ?? null };
}

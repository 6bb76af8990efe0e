// Everything the order page shows, in one read.
import "server-only";
import { db } from "@/lib/db";
import { messageFeedSelect } from "@/lib/message-feed";

export async function getOrderDetail(id: string) {
  return db.order.findUnique({
    where: { id },
    include: {
      customer: { select: { id: true, name: true, email: true, phone: true, contactPreference: true, whatsappConsentAt: true, whatsappOptedOutAt: true } },
      quote: { select: { id: true, number: true, occasion: true, notes: true, contactName: true, contactEmail: true, contactPhone: true, contactPreference: true } },
      events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { actor: { select: { name: true } } } },
      messages: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 50, select: messageFeedSelect },
    },
  });
}

export type TOrderDetail = NonNullable<Awaited<ReturnType<typeof getOrderDetail>>>;

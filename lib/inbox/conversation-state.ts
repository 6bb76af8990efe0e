// Whether a conversation is unread or waiting for us: one definition, as SQL over the customer's
// row (`c`), read by the inbox list, its tabs, the navigation's badge and the dashboard card alike.
//
// Intake keeps lastInboundWhatsAppAt at the newest customer message's time
// (lib/messages/whatsapp-writer.ts) and reading the thread moves inboxSeenAt up to what it showed
// (lib/inbox/commands.ts), so the counts on every admin page read customers, not every message.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { OPT_IN_CONFIRMATION_ORIGIN, OPT_OUT_CONFIRMATION_ORIGIN } from "@/lib/customers/opt-out-words";

export const UNREAD = Prisma.sql`(c."lastInboundWhatsAppAt" IS NOT NULL AND (c."inboxSeenAt" IS NULL OR c."lastInboundWhatsAppAt" > c."inboxSeenAt"))`;

// What answers the customer's last message, unless it failed (one queued or sent is on its way):
// - an admin's WhatsApp reply;
// - any email to them (the quote's answer by email reaches them on the channel they chose);
// - the confirmation of a STOP / START, which answered that message by itself.
// An automatic WhatsApp (an order update) is no answer: the customer's question still stands.
const ANSWERED = Prisma.sql`EXISTS (SELECT 1 FROM "Message" a WHERE a."customerId" = c."id" AND a."createdAt" > c."lastInboundWhatsAppAt"
  AND a."direction" = 'outbound' AND a."status" <> 'failed'
  AND (a."channel" = 'email' OR (a."channel" = 'whatsapp' AND a."origin" IN ('admin', ${OPT_OUT_CONFIRMATION_ORIGIN}, ${OPT_IN_CONFIRMATION_ORIGIN}))))`;

export const WAITING = Prisma.sql`(c."lastInboundWhatsAppAt" IS NOT NULL AND NOT ${ANSWERED})`;

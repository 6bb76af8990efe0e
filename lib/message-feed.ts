// The fields the short message lists (customer and order pages) show.
import { INBOUND_ROW_SELECT, type TInboundRow } from "@/lib/inbound-row";

/** With what an inbound message holds, so the list can say it ("Photo: the card"). */
export type TFeedMessage = TInboundRow & {
  id: string;
  channel: string;
  direction: string;
  status: string;
  event: string | null;
  kind: string;
  templateName: string | null;
  subject: string | null;
  body: string | null;
  createdAt: Date;
};

/** The fields a feed needs, for Prisma selects. */
export const messageFeedSelect = {
  ...INBOUND_ROW_SELECT,
  id: true,
  channel: true,
  direction: true,
  status: true,
  event: true,
  kind: true,
  templateName: true,
  subject: true,
  body: true,
  createdAt: true,
} as const;

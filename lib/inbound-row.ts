// The stored columns of a customer's WhatsApp message that say what it holds, and a Prisma select
// of exactly those: the message history, the feeds and the inbox read them the same way
// (lib/messages/inbound-view.ts turns them into what the browser shows). A leaf, so the order and
// customer queries below lib/messages can select them too.
export type TInboundRow = {
  id: string;
  kind: string;
  body: string | null;
  contextWamid?: string | null;
  replyId?: string | null;
  replyOutcome?: string | null;
  mediaId?: string | null;
  mediaMimeType?: string | null;
  mediaFilename?: string | null;
  mediaSize?: number | null;
  locationLatitude?: number | null;
  locationLongitude?: number | null;
  locationName?: string | null;
  locationAddress?: string | null;
  contactsJson?: string | null;
  errorTitle?: string | null;
  errorDetail?: string | null;
};

export const INBOUND_ROW_SELECT = {
  id: true,
  kind: true,
  body: true,
  contextWamid: true,
  replyId: true,
  replyOutcome: true,
  mediaId: true,
  mediaMimeType: true,
  mediaFilename: true,
  mediaSize: true,
  locationLatitude: true,
  locationLongitude: true,
  locationName: true,
  locationAddress: true,
  contactsJson: true,
  errorTitle: true,
  errorDetail: true,
} as const satisfies Record<keyof TInboundRow, true>;

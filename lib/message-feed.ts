// The fields the short message lists (customer and order pages) show.
export type TFeedMessage = {
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

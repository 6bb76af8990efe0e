"use client";

import useSWR, { mutate } from "swr";
import { PENDING_STATUSES, type TMessageView } from "@/lib/messages/view";

async function fetchMessages(url: string): Promise<TMessageView[]> {
  const response = await fetch(url, { cache: "no-store" });
  if (!response.ok) throw new Error(response.status === 401 ? "Your session has ended. Sign in again." : "Could not load messages.");
  return ((await response.json()) as { messages: TMessageView[] }).messages;
}

const keyFor = (quoteId: string) => `/api/admin/quotes/${quoteId}/messages`;

/** Asks for the quote's messages again, e.g. right after a send. */
export function revalidateQuoteMessages(quoteId: string) {
  return mutate(keyFor(quoteId));
}

/** The quote's messages, refreshed every two seconds while any of them may still change. */
export function useQuoteMessages(quoteId: string, initial: TMessageView[]) {
  return useSWR(keyFor(quoteId), fetchMessages, {
    fallbackData: initial,
    refreshInterval: (latest) => (latest?.some(isRecentlyPending) ? 2000 : 0),
  });
}

// Within the hour a message still moves (sent, delivered, read); after that, stop polling.
function isRecentlyPending(message: TMessageView): boolean {
  return PENDING_STATUSES.has(message.status) && Date.now() - Date.parse(message.createdAt) < 60 * 60_000;
}

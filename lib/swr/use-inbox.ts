"use client";

import useSWR, { mutate } from "swr";
import type { TInboxCounts } from "@/lib/inbox/queries";
import type { TConversationListView, TThreadView } from "@/lib/inbox/view";

/** A few seconds: a customer's reply shows up about as fast as on a phone, at one small query each. */
export const INBOX_POLL_MS = 3000;
/** The badge is on every page; it may lag a little more. */
const COUNTS_POLL_MS = 10_000;

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { cache: "no-store" });
  if (!response.ok) throw new Error(response.status === 401 ? "Your session has ended. Sign in again." : "Could not load the inbox.");
  return (await response.json()) as T;
}

// SWR stops polling while the tab is hidden (refreshWhenHidden) and asks again when it is shown.
const polling = { refreshWhenHidden: false, refreshWhenOffline: false, revalidateOnFocus: true } as const;

/** One page of one tab of the inbox (`source`: its JSON route with the page's query), kept fresh. */
export function useInbox(source: string, initial: TConversationListView) {
  return useSWR(source, fetchJson<TConversationListView>, { fallbackData: initial, refreshInterval: INBOX_POLL_MS, ...polling });
}

/** The navigation's counts, starting from the ones the layout read. */
export function useInboxCounts(initial: TInboxCounts) {
  const { data } = useSWR("/api/admin/inbox/counts", fetchJson<{ counts: TInboxCounts }>, { fallbackData: { counts: initial }, refreshInterval: COUNTS_POLL_MS, ...polling });
  return data.counts;
}

const threadKey = (customerId: string) => `/api/admin/inbox/${customerId}`;

/** One thread, kept fresh: new messages and each outbound message's ticks. */
export function useInboxThread(customerId: string, initial: TThreadView) {
  return useSWR(threadKey(customerId), async (url: string) => (await fetchJson<{ thread: TThreadView }>(url)).thread, {
    fallbackData: initial,
    refreshInterval: INBOX_POLL_MS,
    ...polling,
  });
}

/** Asks for the thread and the counts again at once, e.g. right after a reply or after reading. */
export function revalidateInboxThread(customerId: string) {
  return Promise.all([mutate(threadKey(customerId)), mutate("/api/admin/inbox/counts")]);
}

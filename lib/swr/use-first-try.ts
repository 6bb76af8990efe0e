"use client";

import { useEffect, useRef } from "react";
import useSWR from "swr";
import { stillQueued, type TSendOutcome } from "@/lib/messages/first-try-outcome";

/** Asked every 300 ms: a WhatsApp call usually answers within a second. */
const POLL_MS = 300;
/** Longer than one WhatsApp call may take, so a working dispatcher always answers in time. */
const GIVE_UP_MS = 12_000;

async function fetchOutcome(url: string): Promise<TSendOutcome | null> {
  const response = await fetch(url, { cache: "no-store" });
  if (!response.ok) throw new Error(response.status === 401 ? "Your session has ended. Sign in again." : "Could not load the message.");
  return ((await response.json()) as { outcome: TSendOutcome | null }).outcome;
}

/**
 * Follows the first try of a message just queued (null: nothing to follow), the way the quote
 * page follows its messages, and calls onOutcome once: with the outcome when the try has ended,
 * or with "still queued" after GIVE_UP_MS, when the page's message history takes over.
 */
export function useFirstTry(messageId: string | null, onOutcome: (outcome: TSendOutcome) => void): void {
  // The latest callback, so neither the timer nor the poll restarts when the caller re-renders.
  const report = useRef(onOutcome);
  useEffect(() => {
    report.current = onOutcome;
  }, [onOutcome]);

  useEffect(() => {
    if (!messageId) return;
    const timer = setTimeout(() => report.current(stillQueued(messageId)), GIVE_UP_MS);
    return () => clearTimeout(timer);
  }, [messageId]);

  useSWR(messageId ? `/api/admin/messages/${messageId}/first-try` : null, fetchOutcome, {
    refreshInterval: (latest) => (latest ? 0 : POLL_MS),
    dedupingInterval: 0,
    onSuccess: (outcome) => {
      if (outcome) report.current(outcome);
    },
    onError: (error: Error) => {
      if (messageId) report.current({ ok: false, messageId, status: "queued", title: "Could not follow the message", action: error.message });
    },
    shouldRetryOnError: false,
  });
}

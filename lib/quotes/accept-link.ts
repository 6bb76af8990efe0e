// The link in an answered quote's message that lets the customer accept or decline it:
// /q/<token>. The token is an HMAC of the quote and the moment it was answered, under a key
// derived from NEXTAUTH_SECRET: unguessable, reproducible by any process of this installation
// (the dispatcher renders it when it sends), and replaced by a new one when the answer changes.
// The database keeps only its SHA-256, so a copy of the database opens no quote.
import "server-only";
import { createHash, createHmac } from "node:crypto";
import { appUrl, env } from "@/lib/env";

const linkKey = createHmac("sha256", env.NEXTAUTH_SECRET ?? "ssg-sandbox").update("quote-accept-link").digest();

export function acceptToken(quote: { id: string; answeredAt: Date }): string {
  return createHmac("sha256", linkKey).update(`${quote.id}:${quote.answeredAt.toISOString()}`).digest("base64url").slice(0, 32);
}

export function hashAcceptToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The path part after the site's address: what a WhatsApp template's URL button is filled with. */
export const acceptPath = (token: string) => `q/${token}`;

export const acceptUrl = (token: string) => `${appUrl}/${acceptPath(token)}`;

/** Stands for the accept link in a stored message: the token itself is never stored. */
export const STORED_ACCEPT_LINK = "[accept-link]";

/** A token has this shape; anything else is refused before touching the database. */
export const ACCEPT_TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;

/** Whether a template button's text is an accept link's path (q/<token>). */
export const isAcceptPath = (text: string) => text.startsWith("q/") && ACCEPT_TOKEN_PATTERN.test(text.slice(2));

/** When an answer given at `answeredAt` stops being valid. */
export function validUntilFrom(answeredAt: Date, days = env.QUOTE_VALID_DAYS): Date {
  return new Date(answeredAt.getTime() + days * 24 * 60 * 60 * 1000);
}

/** The accept link exists while the quote waits for the customer's answer and has not expired. */
export function acceptLinkFor(quote: { id: string; status: string; answeredAt: Date | null; validUntil: Date | null } | null, now: Date) {
  if (!quote || quote.status !== "quoted" || !quote.answeredAt || !quote.validUntil || quote.validUntil <= now) return null;
  const token = acceptToken({ id: quote.id, answeredAt: quote.answeredAt });
  return { token, url: acceptUrl(token), path: acceptPath(token) };
}

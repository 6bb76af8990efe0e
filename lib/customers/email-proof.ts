// Following a link we emailed proves the address. The accept link in an email carries
// `?e=<proof>`, an HMAC of the quote and the address it was sent to (under a key derived from
// NEXTAUTH_SECRET, like the link's own token), so opening it marks that address verified on the
// quote and, when it is the customer's own address, on the customer.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { db, inTransaction } from "@/lib/db";
import { env } from "@/lib/env";

const proofKey = createHmac("sha256", env.NEXTAUTH_SECRET ?? "ssg-sandbox").update("email-proof").digest();

export const EMAIL_PROOF_PARAM = "e";

export function emailProof(quoteId: string, email: string): string {
  return createHmac("sha256", proofKey).update(`${quoteId}:${email.toLowerCase()}`).digest("base64url").slice(0, 22);
}

/** The link with the proof that it was sent to `email`. */
export function withEmailProof(url: string, quoteId: string, email: string): string {
  const link = new URL(url);
  link.searchParams.set(EMAIL_PROOF_PARAM, emailProof(quoteId, email));
  return link.toString();
}

function proves(proof: string, quoteId: string, email: string): boolean {
  const expected = Buffer.from(emailProof(quoteId, email));
  const given = Buffer.from(proof);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Marks the quote's email verified when `proof` matches it; the customer's too when the
 * customer's address is the same one. Idempotent; a wrong or stale proof changes nothing.
 */
export async function verifyEmailByLink(quoteId: string, proof: string, now = new Date()): Promise<boolean> {
  const quote = await db.quote.findUnique({
    where: { id: quoteId },
    select: { id: true, contactEmail: true, emailVerifiedAt: true, customer: { select: { id: true, email: true, emailVerifiedAt: true } } },
  });
  if (!quote?.contactEmail || !proves(proof, quote.id, quote.contactEmail)) return false;
  const email = quote.contactEmail;
  await inTransaction(async (tx) => {
    if (!quote.emailVerifiedAt) await tx.quote.updateMany({ where: { id: quote.id, emailVerifiedAt: null }, data: { emailVerifiedAt: now } });
    if (quote.customer.email !== email || quote.customer.emailVerifiedAt) return;
    // Guarded by the address, so a change of email in between is not marked verified.
    const { count } = await tx.customer.updateMany({ where: { id: quote.customer.id, email, emailVerifiedAt: null }, data: { emailVerifiedAt: now } });
    if (count) {
      await tx.customerEvent.create({
        data: { customerId: quote.customer.id, kind: "verified", field: "email", toValue: email, quoteId: quote.id, note: "Followed the link we emailed.", createdAt: now },
      });
    }
  });
  return true;
}

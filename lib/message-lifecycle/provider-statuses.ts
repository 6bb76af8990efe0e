// Applies the provider's status events (sent, delivered, read, failed) to many messages in a few
// statements: one UPDATE per status kind for the whole batch, so a webhook batch of hundreds costs
// what one costs. Meta delivers at least once and out of order, so each event is applied once per
// message (its timestamp column doubles as the "seen" mark: the UPDATE only takes rows where it is
// still empty), and the status moves only forward by rank, decided in SQL on the row as it is.
//
// `failed` goes last: for one message `failed` and `delivered` are alternatives, and a delivery in
// the same batch must win (lib/whatsapp/status-order.ts). Its error is written only when the
// message ends up failed, so a delivered message never shows an error that invites a resend.
//
// Meta's pricing (billable, category, type, model) is kept on the message from the first status
// that carries it, whatever its kind and order; later ones, repeats included, leave it as it is.
import "server-only";
import { randomUUID } from "node:crypto";
import { dialect, type TTx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TDeliveryStatus, TStatusPricing } from "@/lib/whatsapp/webhook";
import type { WhatsAppError } from "@/lib/whatsapp/errors";
import { statusRank } from "@/lib/whatsapp/status-order";
import { afterLateFailure, earlierTryEvents, requeueAfterLateFailure, tryKey } from "@/lib/message-lifecycle/late-failure";

export type TProviderStatus = {
  messageId: string;
  status: TDeliveryStatus;
  at: Date;
  /** The provider's id for the message; stored when the webhook outran the send's answer. */
  wamid: string;
  error?: WhatsAppError;
  pricingType?: string | null;
  pricing?: TStatusPricing;
};

export type TProviderStatusOutcome = { applied: number; duplicates: number };

const COLUMN: Record<TDeliveryStatus, string> = { sent: "sentAt", delivered: "deliveredAt", read: "readAt", failed: "failedAt" };
const ORDER: readonly TDeliveryStatus[] = ["sent", "delivered", "read", "failed"];
/** Rows per statement: at most nine parameters each, far below SQLite's and PostgreSQL's limits. */
const CHUNK = 500;

// PostgreSQL types a bare parameter in a CASE branch as text; a timestamp column needs it typed.
const timestamp = (at: Date) => (dialect === "postgresql" ? Prisma.sql`CAST(${at} AS timestamp(3))` : Prisma.sql`${at}`);

/** CASE "id" WHEN <id> THEN <value> ... END, for a value that differs per message. */
function perMessage(updates: readonly TProviderStatus[], value: (update: TProviderStatus) => Prisma.Sql): Prisma.Sql {
  return Prisma.sql`CASE "id" ${Prisma.join(updates.map((update) => Prisma.sql`WHEN ${update.messageId} THEN ${value(update)}`), " ")} END`;
}

// A bare parameter in a CASE branch: PostgreSQL needs the boolean typed (a NULL too, or a CASE of
// NULLs is text), SQLite stores 1 / 0.
const boolean = (value: boolean | undefined) =>
  dialect === "postgresql" ? Prisma.sql`CAST(${value ?? null} AS BOOLEAN)` : Prisma.sql`${value === undefined ? null : value ? 1 : 0}`;

/** Stores the pricing of messages that have none yet (first seen wins). */
async function applyPricing(tx: TTx, events: readonly TProviderStatus[], now: Date): Promise<void> {
  const first = new Map<string, TProviderStatus & { pricing: TStatusPricing }>();
  for (const event of events) {
    if (event.pricing && !first.has(event.messageId)) first.set(event.messageId, { ...event, pricing: event.pricing });
  }
  const priced = [...first.values()];
  for (let start = 0; start < priced.length; start += CHUNK) {
    const chunk = priced.slice(start, start + CHUNK);
    await tx.$executeRaw`
      UPDATE "Message" SET
        "pricingBillable" = ${perMessage(chunk, (u) => boolean(u.pricing?.billable))},
        "pricingCategory" = ${perMessage(chunk, (u) => Prisma.sql`${u.pricing?.category ?? null}`)},
        "pricingType" = ${perMessage(chunk, (u) => Prisma.sql`${u.pricing?.type ?? null}`)},
        "pricingModel" = ${perMessage(chunk, (u) => Prisma.sql`${u.pricing?.model ?? null}`)},
        "pricedAt" = ${perMessage(chunk, (u) => timestamp(u.at))},
        "updatedAt" = ${timestamp(now)}
      WHERE "id" IN (${Prisma.join(chunk.map((u) => u.messageId))}) AND "pricedAt" IS NULL`;
  }
}

const errorDetail = (error: WhatsAppError) => [error.details, error.action].filter(Boolean).join(" ") || null;

type TChangedRow = { id: string; status: string; event: string | null; kind: string; claimedBy: string | null; attempts: number };

async function applyKind(tx: TTx, status: TDeliveryStatus, updates: readonly TProviderStatus[], now: Date): Promise<TChangedRow[]> {
  const rank = statusRank(status);
  const column = Prisma.raw(`"${COLUMN[status]}"`);
  const failure =
    status === "failed"
      ? Prisma.sql`,
        "errorCode" = CASE WHEN "statusRank" <= ${rank} THEN ${perMessage(updates, (u) => Prisma.sql`${u.error ? String(u.error.code) : null}`)} ELSE "errorCode" END,
        "errorTitle" = CASE WHEN "statusRank" <= ${rank} THEN ${perMessage(updates, (u) => Prisma.sql`${u.error?.title ?? null}`)} ELSE "errorTitle" END,
        "errorDetail" = CASE WHEN "statusRank" <= ${rank} THEN ${perMessage(updates, (u) => Prisma.sql`${u.error ? errorDetail(u.error) : null}`)} ELSE "errorDetail" END,
        "errorTraceId" = CASE WHEN "statusRank" <= ${rank} THEN ${perMessage(updates, (u) => Prisma.sql`${u.error?.fbtraceId ?? null}`)} ELSE "errorTraceId" END`
      : Prisma.empty;
  // Every SET expression reads the row as it was, so status and rank move together.
  return tx.$queryRaw<TChangedRow[]>`
    UPDATE "Message" SET
      ${column} = ${perMessage(updates, (u) => timestamp(u.at))},
      "providerMessageId" = COALESCE("providerMessageId", ${perMessage(updates, (u) => Prisma.sql`${u.wamid}`)}),
      "status" = CASE WHEN "statusRank" < ${rank} THEN ${status} ELSE "status" END,
      "statusRank" = CASE WHEN "statusRank" < ${rank} THEN ${rank} ELSE "statusRank" END,
      "updatedAt" = ${timestamp(now)}${failure}
    WHERE "id" IN (${Prisma.join(updates.map((u) => u.messageId))}) AND ${column} IS NULL
    RETURNING "id", "status", "event", "kind", "claimedBy", "attempts"`;
}

/**
 * The status history: one event per message and status. A later try of the same message (the
 * template after a closed window) may meet a status again, a `failed` above all; the first stays,
 * and the later try's error is kept on its attempt.
 */
async function recordStatusEvents(tx: TTx, recorded: readonly TProviderStatus[], now: Date): Promise<void> {
  for (let start = 0; start < recorded.length; start += CHUNK) {
    const rows = recorded.slice(start, start + CHUNK).map(
      (event) =>
        Prisma.sql`(${randomUUID()}, ${event.messageId}, ${event.status}, ${event.at}, ${event.error ? String(event.error.code) : null}, ${event.error?.title ?? null}, ${event.error ? errorDetail(event.error) : null}, ${event.pricingType ?? null}, ${now})`,
    );
    await tx.$executeRaw`
      INSERT INTO "MessageStatusEvent" ("id", "messageId", "status", "occurredAt", "errorCode", "errorTitle", "errorDetail", "pricingType", "createdAt")
      VALUES ${Prisma.join(rows)}
      ON CONFLICT ("messageId", "status") DO NOTHING`;
  }
}

/**
 * Applies the events, records each new one in the message's status history, and sends an
 * automatic message that failed late on by its template or email (./late-failure.ts). Repeated
 * events, and events about an earlier try than the message's last, change nothing.
 */
export async function applyProviderStatuses(tx: TTx, events: readonly TProviderStatus[], now = new Date()): Promise<TProviderStatusOutcome> {
  const earlier = await earlierTryEvents(tx, events);
  // The first event per message and status counts; a repeat in the same batch is a duplicate.
  const first = new Map<string, TProviderStatus>();
  for (const event of events) {
    if (earlier.has(tryKey(event.messageId, event.wamid))) continue;
    const key = `${event.messageId}\u0000${event.status}`;
    if (!first.has(key)) first.set(key, event);
  }
  const recorded: TProviderStatus[] = [];
  for (const status of ORDER) {
    const ofKind = [...first.values()].filter((event) => event.status === status);
    for (let start = 0; start < ofKind.length; start += CHUNK) {
      const chunk = ofKind.slice(start, start + CHUNK);
      const changed = await applyKind(tx, status, chunk, now);
      const byId = new Map(chunk.map((event) => [event.messageId, event]));
      for (const row of changed) {
        const event = byId.get(row.id)!;
        recorded.push(event);
        if (status !== "failed" || !event.error) continue;
        const late = { ...row, attempts: Number(row.attempts), error: event.error };
        const after = afterLateFailure(late);
        if (after) await requeueAfterLateFailure(tx, late, after, now);
      }
    }
  }
  await applyPricing(tx, events, now);
  await recordStatusEvents(tx, recorded, now);
  return { applied: recorded.length, duplicates: events.length - recorded.length };
}

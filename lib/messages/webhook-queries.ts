// Reads about webhook intake for the admin: the heartbeat (is Meta reaching us, are we keeping
// up) and the parked deliveries waiting for a person. Each number is one indexed aggregate.
import "server-only";
import { db } from "@/lib/db";

export type TWebhookHeartbeat = {
  lastReceivedAt: Date | null;
  lastAppliedAt: Date | null;
  /** Stored, not done, not parked: applied within seconds normally, or waiting for a retry. */
  backlog: number;
  oldestBacklogAt: Date | null;
  parked: number;
};

export async function webhookHeartbeat(): Promise<TWebhookHeartbeat> {
  const waiting = { processedAt: null, parkedAt: null };
  const [received, applied, backlog, parked] = await Promise.all([
    db.webhookDelivery.aggregate({ _max: { receivedAt: true } }),
    // Read backwards along the processedAt index until the first applied one: a few rows.
    db.webhookDelivery.aggregate({ where: { processedAt: { not: null }, outcome: "applied" }, _max: { processedAt: true } }),
    db.webhookDelivery.aggregate({ where: waiting, _count: { _all: true }, _min: { receivedAt: true } }),
    db.webhookDelivery.count({ where: { processedAt: null, parkedAt: { not: null } } }),
  ]);
  return {
    lastReceivedAt: received._max.receivedAt,
    lastAppliedAt: applied._max.processedAt,
    backlog: backlog._count._all,
    oldestBacklogAt: backlog._min.receivedAt,
    parked,
  };
}

/** Enough of a body to recognise it; the whole of it can be a megabyte. */
export const BODY_PREVIEW_CHARS = 20_000;

export type TParkedDelivery = {
  id: string;
  receivedAt: Date;
  parkedAt: Date;
  attempts: number;
  lastError: string | null;
  bodyPreview: string;
  bodyLength: number;
  retriedAt: Date | null;
  retriedBy: string | null;
};

/** Parked deliveries, most recently parked first. */
export async function listParkedDeliveries(take = 50): Promise<TParkedDelivery[]> {
  const rows = await db.webhookDelivery.findMany({
    where: { processedAt: null, parkedAt: { not: null } },
    orderBy: [{ parkedAt: "desc" }, { id: "asc" }],
    take,
    select: { id: true, receivedAt: true, parkedAt: true, attempts: true, lastError: true, body: true, retriedAt: true, retriedById: true },
  });
  const adminIds = [...new Set(rows.flatMap((row) => (row.retriedById ? [row.retriedById] : [])))];
  const admins = adminIds.length ? await db.adminUser.findMany({ where: { id: { in: adminIds } }, select: { id: true, name: true } }) : [];
  const nameOf = new Map(admins.map((admin) => [admin.id, admin.name]));
  return rows.map(({ body, retriedById, parkedAt, ...row }) => ({
    ...row,
    parkedAt: parkedAt!,
    bodyPreview: body.slice(0, BODY_PREVIEW_CHARS),
    bodyLength: body.length,
    retriedBy: retriedById ? (nameOf.get(retriedById) ?? "a removed admin") : null,
  }));
}

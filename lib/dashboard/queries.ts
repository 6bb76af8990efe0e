// The dashboard's numbers beyond the quote counts (lib/quotes/queries.ts): open orders, what is
// due for delivery this week, messages that need attention, weekly activity and delivery rates.
// Each is one aggregate in SQL (GROUP BY or COUNT over an index range), never a read of every row:
// the page stays as fast with 100,000 orders as with ten.
import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { ATTENTION_STATUSES } from "@/lib/messages/audit-params";
import { OPEN_ORDER_STATUSES, type TOrderStatus } from "@/lib/orders/status";
import { weekOf } from "@/lib/dashboard/calendar";
import { businessWeeks, weekIndexSql } from "@/lib/dashboard/week-buckets";

const DAY_MS = 86_400_000;

type TOpenStatus = (typeof OPEN_ORDER_STATUSES)[number];

/** How many orders are in each open status (zero included), in pipeline order. */
export async function openOrderCounts(): Promise<{ status: TOpenStatus; count: number }[]> {
  const groups = await db.order.groupBy({ by: ["status"], where: { status: { in: [...OPEN_ORDER_STATUSES] } }, _count: { _all: true } });
  const counts = new Map(groups.map((group) => [group.status, group._count._all]));
  return OPEN_ORDER_STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 }));
}

export type TDueOrder = { id: string; number: string; status: string; deliveryDate: string | null; customer: { name: string } };

/**
 * Orders to deliver in the current Monday–Sunday week of the business, soonest first; cancelled
 * ones are left out, delivered ones stay (ticked off). `take` of them, and how many there are.
 */
export async function ordersDueThisWeek(now = new Date(), take = 20): Promise<{ week: { start: string; end: string }; orders: TDueOrder[]; total: number }> {
  const week = weekOf(env.BUSINESS_TIME_ZONE, now);
  const where: Prisma.OrderWhereInput = { deliveryDate: { gte: week.start, lte: week.end }, status: { not: "cancelled" satisfies TOrderStatus } };
  const [orders, total] = await Promise.all([
    db.order.findMany({
      where,
      orderBy: [{ deliveryDate: "asc" }, { id: "asc" }],
      take,
      select: { id: true, number: true, status: true, deliveryDate: true, customer: { select: { name: true } } },
    }),
    db.order.count({ where }),
  ]);
  return { week, orders, total };
}

/** Outbound messages that failed (or whose outcome is unknown) in the last 7 days. */
export async function messagesNeedingAttention(now = new Date()): Promise<{ failed: number; uncertain: number }> {
  const groups = await db.message.groupBy({
    by: ["status"],
    where: { direction: "outbound", status: { in: [...ATTENTION_STATUSES] }, createdAt: { gte: new Date(now.getTime() - 7 * DAY_MS) } },
    _count: { _all: true },
  });
  const count = (status: string) => groups.find((group) => group.status === status)?._count._all ?? 0;
  return { failed: count("failed"), uncertain: count("uncertain") };
}

export type TWeekActivity = { weekStart: string; quotes: number; orders: number };

// Rows created per business week, as one GROUP BY over the createdAt index range
// (lib/dashboard/week-buckets.ts).
async function countByWeek(table: "Quote" | "Order", starts: Date[], end: Date): Promise<number[]> {
  const rows = await db.$queryRaw<{ week: number | bigint; count: number | bigint }[]>`
    SELECT ${weekIndexSql("createdAt", starts)} AS "week", COUNT(*) AS "count"
    FROM ${Prisma.raw(`"${table}"`)}
    WHERE "createdAt" >= ${starts[0]} AND "createdAt" < ${end}
    GROUP BY 1`;
  const counts = starts.map(() => 0);
  for (const row of rows) counts[Number(row.week)] = Number(row.count);
  return counts;
}

/** Quotes and orders created in each of the last `weeks` business weeks, oldest first. */
export async function weeklyActivity(now = new Date(), weeks = 8): Promise<TWeekActivity[]> {
  const { mondays, starts, end } = businessWeeks(now, weeks);
  const [quotes, orders] = await Promise.all([countByWeek("Quote", starts, end), countByWeek("Order", starts, end)]);
  return mondays.map((weekStart, index) => ({ weekStart, quotes: quotes[index]!, orders: orders[index]! }));
}

export type TChannelDelivery = {
  channel: "whatsapp" | "email";
  /** Reached the customer: WhatsApp delivered or read; email accepted by the mail server ("sent"). */
  delivered: number;
  /** Failed, or gave up with the outcome unknown. */
  notDelivered: number;
  /** Still on their way (queued, sending, or sent to WhatsApp without a delivery report yet). */
  inFlight: number;
  /** delivered / (delivered + notDelivered); null when nothing has finished. */
  rate: number | null;
};

// What counts as arriving differs by channel: WhatsApp reports delivery to the phone, email
// only that the mail server took it.
const DELIVERED: Record<TChannelDelivery["channel"], readonly string[]> = { whatsapp: ["delivered", "read"], email: ["sent"] };

/** Per channel, how many outbound messages of the last `days` days arrived, failed, or are on their way. */
export async function deliveryRates(now = new Date(), days = 30): Promise<TChannelDelivery[]> {
  const groups = await db.message.groupBy({
    by: ["channel", "status"],
    where: { direction: "outbound", createdAt: { gte: new Date(now.getTime() - days * DAY_MS) } },
    _count: { _all: true },
  });
  return (["whatsapp", "email"] as const).map((channel) => {
    const result = { channel, delivered: 0, notDelivered: 0, inFlight: 0 };
    for (const group of groups) {
      if (group.channel !== channel) continue;
      const outcome = DELIVERED[channel].includes(group.status) ? "delivered" : (ATTENTION_STATUSES as readonly string[]).includes(group.status) ? "notDelivered" : "inFlight";
      result[outcome] += group._count._all;
    }
    const finished = result.delivered + result.notDelivered;
    return { ...result, rate: finished ? result.delivered / finished : null };
  });
}

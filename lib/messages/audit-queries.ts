// Reads for the message audit log (/admin/messages).
//
// The list puts messages that wait for a person (failed or uncertain sends) first, then the rest,
// newest first. One ORDER BY on "needs attention" could use no index and would sort every message;
// instead the two parts are read separately, each in createdAt order straight off an index
// (Message(status, createdAt, id) for the few that need attention, Message(createdAt, id) for the rest),
// and a page is cut across the seam by counting the first part.
import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  ATTENTION,
  ATTENTION_STATUSES,
  AUDIT_PAGE_SIZE,
  createdRange,
  MANUAL,
  type TAuditListParams,
} from "@/lib/messages/audit-params";

const NEEDS_ATTENTION: Prisma.MessageWhereInput = { status: { in: [...ATTENTION_STATUSES] }, direction: "outbound" };

const listSelect = {
  id: true,
  channel: true,
  direction: true,
  origin: true,
  event: true,
  kind: true,
  status: true,
  recipient: true,
  subject: true,
  body: true,
  templateName: true,
  errorCode: true,
  errorTitle: true,
  attempts: true,
  createdAt: true,
  customer: { select: { id: true, name: true } },
  quote: { select: { id: true, number: true } },
  order: { select: { id: true, number: true } },
  sentBy: { select: { name: true } },
} satisfies Prisma.MessageSelect;

export type TAuditListRow = Prisma.MessageGetPayload<{ select: typeof listSelect }>;

export type TAuditListResult = {
  rows: TAuditListRow[];
  total: number;
  /** Messages on the filtered list that need attention (all on the first pages). */
  attention: number;
  hasNext: boolean;
};

const PREVIEW_LENGTH = 140;

function filterWhere(params: TAuditListParams): Prisma.MessageWhereInput {
  const and: Prisma.MessageWhereInput[] = [];
  if (params.channel) and.push({ channel: params.channel });
  if (params.direction) and.push({ direction: params.direction });
  if (params.status === ATTENTION) and.push(NEEDS_ATTENTION);
  else if (params.status) and.push({ status: params.status });
  if (params.event === MANUAL) and.push({ event: null, origin: "admin" });
  else if (params.event) and.push({ event: params.event });
  if (params.from || params.to) and.push({ createdAt: createdRange(params, env.BUSINESS_TIME_ZONE) });
  return { AND: and };
}

// The id breaks ties between messages of the same millisecond, so pages never overlap; both
// indexes end in id, so the order still comes straight off an index.
const NEWEST_FIRST: Prisma.MessageOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];

function findPart(where: Prisma.MessageWhereInput, skip: number, take: number): Promise<TAuditListRow[]> {
  if (take <= 0) return Promise.resolve([]);
  return db.message.findMany({ where, orderBy: NEWEST_FIRST, skip, take, select: listSelect });
}

// The list shows a line of each message, not whole emails.
const withPreview = (row: TAuditListRow): TAuditListRow =>
  row.body && row.body.length > PREVIEW_LENGTH ? { ...row, body: `${row.body.slice(0, PREVIEW_LENGTH - 1)}…` } : row;

/** One page of the audit log, as chosen by the URL's parameters: messages needing attention first. */
export async function listAuditMessages(params: TAuditListParams): Promise<TAuditListResult> {
  const filters = filterWhere(params);
  const attentionWhere: Prisma.MessageWhereInput = { AND: [filters, NEEDS_ATTENTION] };
  const restWhere: Prisma.MessageWhereInput = { AND: [filters, { NOT: NEEDS_ATTENTION }] };
  const [attention, total] = await Promise.all([db.message.count({ where: attentionWhere }), db.message.count({ where: filters })]);

  const offset = (params.page - 1) * AUDIT_PAGE_SIZE;
  const takeAttention = Math.max(0, Math.min(AUDIT_PAGE_SIZE, attention - offset));
  const [fromAttention, rest] = await Promise.all([
    findPart(attentionWhere, offset, takeAttention),
    findPart(restWhere, Math.max(0, offset - attention), AUDIT_PAGE_SIZE - takeAttention),
  ]);
  return { rows: [...fromAttention, ...rest].map(withPreview), total, attention, hasNext: offset + AUDIT_PAGE_SIZE < total };
}

/** The navigation's badge: outbound messages that failed or may not have gone out. */
export function countMessagesNeedingAttention(): Promise<number> {
  return db.message.count({ where: NEEDS_ATTENTION });
}

/**
 * One message with everything its audit page shows: each try, each status Meta reported, and
 * what it was about. Prisma reads each relation with one small indexed query.
 */
export function getAuditMessage(id: string) {
  return db.message.findUnique({
    where: { id },
    omit: { idempotencyKey: true, statusRank: true },
    include: {
      sendAttempts: { orderBy: { number: "asc" } },
      statusEvents: { orderBy: [{ occurredAt: "asc" }, { id: "asc" }] },
      customer: { select: { id: true, name: true, email: true, phone: true } },
      quote: { select: { id: true, number: true } },
      order: { select: { id: true, number: true } },
      sentBy: { select: { name: true } },
    },
  });
}

export type TAuditMessage = NonNullable<Awaited<ReturnType<typeof getAuditMessage>>>;

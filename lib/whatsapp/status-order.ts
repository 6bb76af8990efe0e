// The order a message's status moves in. Meta's webhooks arrive at least once, in batches and
// out of order: a `delivered` after its `read`, a `sent` after `delivered`, the same event twice.
// So a message keeps the furthest status it has reached, a late or repeated event is recorded
// but does not move it back, and the rank is stored beside the status so the database can do
// the "only forward" check in one conditional update.
//
// The rule for `failed`: Meta sends it after `sent` when delivery finally fails, and for one
// message `failed` and `delivered` are alternatives. It therefore outranks everything up to
// `sent` (a late `sent` cannot hide a failure), but not `delivered` or `read`: those are proof
// the customer has the message, and showing "failed" over them would invite the admin to send it
// twice. If a device reports `failed` after another reported `delivered` (multi-device), the
// event is still recorded with its error; the message stays delivered.
//
// Local states below `accepted`: `queued`/`sending` (not yet answered by Meta), `uncertain` (no
// answer: we cannot know), and `received` for inbound messages.
const RANK: Record<string, number> = {
  received: 0,
  queued: 0,
  sending: 0,
  uncertain: 0,
  accepted: 1,
  sent: 2,
  failed: 3,
  delivered: 4,
  read: 5,
};

/** The status's place in the order; unknown statuses rank lowest so they never win. */
export function statusRank(status: string): number {
  return RANK[status] ?? 0;
}

/** Whether a message at `from` should take `to` as its new status. */
export function isForwardMove(from: string, to: string): boolean {
  return statusRank(to) > statusRank(from);
}

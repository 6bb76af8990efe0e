// The order a message's status moves in. Webhooks arrive out of order (a `delivered` after its
// `read`, a `sent` after `delivered`) and are repeated, so a message keeps the furthest status it
// has reached and a late event only records its time. `failed` ranks above `read`: Meta sends it
// after `sent` when delivery finally fails, and it is the fact an admin must see. A failure
// reported after `read` cannot happen, so ranking it highest loses nothing.
const RANK: Record<string, number> = {
  received: 0,
  queued: 0,
  sending: 0,
  uncertain: 0,
  accepted: 1,
  sent: 2,
  delivered: 3,
  read: 4,
  failed: 5,
};

export function statusRank(status: string): number {
  return RANK[status] ?? 0;
}

export function isForwardMove(from: string, to: string): boolean {
  return statusRank(to) > statusRank(from);
}

// The admins' history: who did what to which account, and when. Written inside the transaction
// of the change it records, so a change is never without its entry (and never the other way).
import "server-only";
import type { TTx } from "@/lib/db";

export type TAdminEventAction =
  | "invited"
  | "invite_accepted"
  | "role_changed"
  | "deactivated"
  | "reactivated"
  | "password_changed"
  | "password_reset";

export async function recordAdminEvent(
  tx: TTx,
  input: { adminId: string; actorId: string | null; action: TAdminEventAction; detail?: string; now: Date },
): Promise<void> {
  await tx.adminEvent.create({
    data: { adminId: input.adminId, actorId: input.actorId, action: input.action, detail: input.detail ?? null, createdAt: input.now },
  });
}

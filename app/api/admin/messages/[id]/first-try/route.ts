// How the first try of one message ended, for the send dialog to follow a message it queued.
import { getAdmin } from "@/lib/auth/session";
import { AppError, errorResponse } from "@/lib/errors";
import { getFirstTryOutcome } from "@/lib/messages/queries";

export async function GET(_request: Request, { params }: RouteContext<"/api/admin/messages/[id]/first-try">) {
  if (!(await getAdmin())) return errorResponse(new AppError("unauthorized", "Sign in to see messages."));
  const { id } = await params;
  const outcome = await getFirstTryOutcome(id);
  if (outcome === undefined) return errorResponse(new AppError("not_found", "This message no longer exists."));
  return Response.json({ outcome }, { headers: { "cache-control": "no-store" } });
}

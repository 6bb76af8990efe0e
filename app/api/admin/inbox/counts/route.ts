// Unread and waiting conversations, for the navigation's badge on every admin page.
import { getAdmin } from "@/lib/auth/session";
import { AppError, errorResponse } from "@/lib/errors";
import { inboxCounts } from "@/lib/inbox/queries";

export async function GET() {
  if (!(await getAdmin())) return errorResponse(new AppError("unauthorized", "Sign in to see the inbox."));
  return Response.json({ counts: await inboxCounts() }, { headers: { "cache-control": "no-store" } });
}

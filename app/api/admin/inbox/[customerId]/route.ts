// One customer's thread, for the page to follow new messages and statuses without a reload.
import { getAdmin } from "@/lib/auth/session";
import { AppError, errorResponse } from "@/lib/errors";
import { getThread } from "@/lib/inbox/queries";
import { ZCustomerIdSchema } from "@/lib/inbox/schema";
import { toThreadView } from "@/lib/inbox/view";

export async function GET(_request: Request, { params }: RouteContext<"/api/admin/inbox/[customerId]">) {
  if (!(await getAdmin())) return errorResponse(new AppError("unauthorized", "Sign in to see the inbox."));
  const parsed = ZCustomerIdSchema.safeParse((await params).customerId);
  const thread = parsed.success ? await getThread(parsed.data) : null;
  if (!thread) return errorResponse(new AppError("not_found", "This customer no longer exists."));
  return Response.json({ thread: toThreadView(thread) }, { headers: { "cache-control": "no-store" } });
}

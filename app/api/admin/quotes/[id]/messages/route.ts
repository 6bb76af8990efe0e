// The message history of one quote, for the page to follow statuses as webhooks arrive.
import { getAdmin } from "@/lib/auth/session";
import { AppError, errorResponse } from "@/lib/errors";
import { listQuoteMessages } from "@/lib/messages/queries";
import { toMessageView } from "@/lib/messages/view";

export async function GET(_request: Request, { params }: RouteContext<"/api/admin/quotes/[id]/messages">) {
  if (!(await getAdmin())) return errorResponse(new AppError("unauthorized", "Sign in to see messages."));
  const { id } = await params;
  const messages = await listQuoteMessages(id);
  return Response.json({ messages: messages.map(toMessageView) }, { headers: { "cache-control": "no-store" } });
}

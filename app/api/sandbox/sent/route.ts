// What the sandbox's "customer phones" received: the last WhatsApp messages the built-in Graph
// API sandbox accepted, newest first. Sandbox mode only, and for signed-in admins only, since the
// messages carry customers' accept links. It lets an admin (and the browser tests) see exactly
// what a customer would have been sent.
import { getAdmin } from "@/lib/auth/session";
import { AppError, errorResponse } from "@/lib/errors";
import { getSandbox } from "@/lib/sandbox";

export async function GET(request: Request) {
  if (!(await getAdmin())) return errorResponse(new AppError("unauthorized", "Sign in to see the sandbox's messages."));
  const sandbox = getSandbox();
  if (!sandbox) return errorResponse(new AppError("not_found", "The WhatsApp sandbox is off: real credentials are configured."));
  const to = new URL(request.url).searchParams.get("to");
  const sent = sandbox.sent.filter((message) => !to || message.to === to).slice(-50).reverse();
  return Response.json({ messages: sent.map((message) => ({ wamid: message.wamid, to: message.to, type: message.type, at: message.at, body: message.body })) });
}

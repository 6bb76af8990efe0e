// Serves the Graph API sandbox at /api/sandbox/graph/{version}/... in sandbox mode only. It is
// guarded like Meta's API, by the (sandbox) access token, not by an admin session.
import { getSandbox } from "@/lib/sandbox";

const PREFIX = "/api/sandbox/graph";

async function handle(request: Request) {
  const sandbox = getSandbox();
  if (!sandbox) return Response.json({ error: "The WhatsApp sandbox is off: real credentials are configured." }, { status: 404 });
  const url = new URL(request.url);
  url.pathname = url.pathname.slice(PREFIX.length) || "/";
  const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.text();
  return sandbox.handle(new Request(url, { method: request.method, headers: request.headers, body }));
}

export { handle as GET, handle as POST, handle as DELETE };

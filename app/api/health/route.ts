// The liveness check for a reverse proxy or load balancer in front of several instances: 200
// `{"ok":true}` as long as this process serves requests. It touches no database and no session on
// purpose: a database outage should not make every instance look dead at once, and the benchmarks
// use this route as the floor (the cheapest request the same server can answer).
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ ok: true }, { headers: { "cache-control": "no-store" } });
}

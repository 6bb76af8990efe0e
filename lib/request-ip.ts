// The client's IP address for rate limits. `next start` appends the socket's address to
// X-Forwarded-For, so without a trusted proxy the last hop is the one nobody could forge; behind
// a proxy (TRUST_PROXY=true) the first entry is the client the proxy saw.
export function clientIp(headers: Headers, trustProxy: boolean): string {
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  const ip = (trustProxy ? hops[0] : hops.at(-1)) ?? headers.get("x-real-ip") ?? "";
  return ip || "unknown";
}

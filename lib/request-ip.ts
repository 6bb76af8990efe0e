// The client's IP address, as the key for per-IP rate limits. Pure (the caller passes the request
// headers), so the rule is testable without a request.
//
// What the headers can be trusted for (checked in next 16.4.6, server/base-server.js):
// - `next start` sets X-Forwarded-For to the socket's address only when the request has none
//   (`??=`). Without a proxy in front, a client that sends its own header picks its key, so the
//   limit stops people repeating themselves, not a determined bot (the honeypot helps there).
// - TRUST_PROXY=false: the last entry. With no proxy it is the socket address; behind a proxy
//   nobody declared, the last entry is the one that proxy appended (the client it saw), which a
//   client cannot push aside by sending its own header.
// - TRUST_PROXY=true: the first entry, the original client at the far end of a proxy chain (a CDN
//   before a load balancer, say). The last entry there would be an inner proxy's address, one key
//   for every visitor, and the limit would lock the whole site out. The edge proxy must replace a
//   client-sent X-Forwarded-For rather than append to it (nginx: `$remote_addr`), or clients
//   choose the first entry.
const MAX_KEY_LENGTH = 64; // an IPv6 address is at most 45 characters; longer is junk

export function clientIp(headers: Headers, trustProxy: boolean): string {
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  const ip = (trustProxy ? hops[0] : hops.at(-1)) ?? headers.get("x-real-ip")?.trim() ?? "";
  return ip.slice(0, MAX_KEY_LENGTH) || "unknown";
}

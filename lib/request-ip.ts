// The client's address, as the key for per-IP rate limits. The rule is a function of the
// request headers, so it is testable without a request.
//
// - TRUST_PROXY=false (the default): the connection's own address, which `npm start`'s server
//   (scripts/server.ts, lib/peer-address.ts) writes into PEER_ADDRESS_HEADER after removing
//   any value the client sent. No header a client sends decides the key. Behind a reverse proxy
//   that address is the proxy's, one key for every visitor: set TRUST_PROXY there.
// - TRUST_PROXY=true: the first X-Forwarded-For entry, the original client at the far end of a
//   proxy chain (a CDN before a load balancer, say); the last entry would be an inner proxy's
//   address. The edge proxy must replace a client-sent X-Forwarded-For rather than append to it
//   (nginx: `$remote_addr`), or clients choose the first entry.
// - Served another way (a plain `next start` or `next dev`), the peer header is missing, and the
//   headers that remain are the client's to choose (`next start` keeps a client-sent
//   X-Forwarded-For). Then every request shares one key, and a warning says so once.
import { log } from "@/lib/log";
import { PEER_ADDRESS_HEADER } from "@/lib/peer-address";

/** The one key all requests share when the connection's address is not known. */
export const UNKNOWN_PEER_KEY = "unknown-peer";
const MAX_KEY_LENGTH = 64; // an IPv6 address is at most 45 characters; longer is junk

let warnedUnknownPeer = false;

function firstHop(forwardedFor: string | null): string {
  return forwardedFor?.split(",")[0]?.trim() ?? "";
}

export function clientIp(headers: Headers, trustProxy: boolean): string {
  const ip = (trustProxy ? firstHop(headers.get("x-forwarded-for")) : "") || headers.get(PEER_ADDRESS_HEADER)?.trim() || "";
  if (ip) return ip.slice(0, MAX_KEY_LENGTH);
  if (!warnedUnknownPeer) {
    warnedUnknownPeer = true;
    log.warn("request-ip: the connection's address is unknown (the app is not served by `npm start`), so all quote requests share one per-IP limit");
  }
  return UNKNOWN_PEER_KEY;
}

// What `npm start`'s server (scripts/server.ts) tells the app about the connection, written into
// the request headers before Next sees them. Next itself only fills X-Forwarded-For when the
// request has none (`??=`, next 16.4.6 base-server.js), so a client could pick its own rate-limit
// key by sending one; the socket's address is the one value a client cannot choose.
import type { IncomingHttpHeaders } from "node:http";

/** Written by our server alone: a value a client sends under this name is removed first. */
export const PEER_ADDRESS_HEADER = "x-ssg-peer-address";

/**
 * Rewrites a request's headers in place: our peer header becomes the socket's address and,
 * unless a proxy in front is trusted to set it, X-Forwarded-For does too, so neither the app nor
 * Next nor a library downstream sees a client's made-up value. A socket that is already gone has
 * no address: then both are left unset (never the client's).
 */
export function stampPeerAddress(headers: IncomingHttpHeaders, remoteAddress: string | undefined, trustProxy: boolean): void {
  delete headers[PEER_ADDRESS_HEADER];
  if (!trustProxy) delete headers["x-forwarded-for"];
  if (!remoteAddress) return;
  headers[PEER_ADDRESS_HEADER] = remoteAddress;
  if (!trustProxy) headers["x-forwarded-for"] = remoteAddress;
}

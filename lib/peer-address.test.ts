import type { IncomingHttpHeaders } from "node:http";
import { describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER, stampPeerAddress } from "@/lib/peer-address";

function stamped(headers: IncomingHttpHeaders, remoteAddress: string | undefined, trustProxy: boolean) {
  stampPeerAddress(headers, remoteAddress, trustProxy);
  return headers;
}

describe("stampPeerAddress", () => {
  it("replaces a client-sent peer header and X-Forwarded-For with the socket's address", () => {
    const headers = stamped({ host: "shop.example", [PEER_ADDRESS_HEADER]: "1.1.1.1", "x-forwarded-for": "203.0.113.9, 1.2.3.4" }, "198.51.100.4", false);
    expect(headers).toEqual({ host: "shop.example", [PEER_ADDRESS_HEADER]: "198.51.100.4", "x-forwarded-for": "198.51.100.4" });
  });

  it("keeps X-Forwarded-For for a trusted proxy, but still writes the peer header itself", () => {
    const headers = stamped({ [PEER_ADDRESS_HEADER]: "1.1.1.1", "x-forwarded-for": "203.0.113.9" }, "10.0.0.2", true);
    expect(headers).toEqual({ [PEER_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "203.0.113.9" });
  });

  it("leaves no client value behind when the socket has no address any more", () => {
    expect(stamped({ [PEER_ADDRESS_HEADER]: "1.1.1.1", "x-forwarded-for": "203.0.113.9" }, undefined, false)).toEqual({});
    expect(stamped({ [PEER_ADDRESS_HEADER]: "1.1.1.1", "x-forwarded-for": "203.0.113.9" }, undefined, true)).toEqual({ "x-forwarded-for": "203.0.113.9" });
  });
});

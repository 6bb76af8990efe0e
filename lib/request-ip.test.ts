import { describe, expect, it, vi } from "vitest";
import { PEER_ADDRESS_HEADER } from "@/lib/peer-address";

const headers = (values: Record<string, string>) => new Headers(values);
// A fresh module each time, so the warn-once state of one test does not leak into another.
async function load() {
  vi.resetModules();
  const { log } = await import("@/lib/log");
  const warn = vi.spyOn(log, "warn").mockImplementation(() => {});
  const requestIp = await import("@/lib/request-ip");
  return { ...requestIp, warn };
}

describe("clientIp", () => {
  it("keys on the connection's address without TRUST_PROXY, whatever X-Forwarded-For the client sent", async () => {
    const { clientIp } = await load();
    expect(clientIp(headers({ [PEER_ADDRESS_HEADER]: "198.51.100.4" }), false)).toBe("198.51.100.4");
    expect(clientIp(headers({ [PEER_ADDRESS_HEADER]: "198.51.100.4", "x-forwarded-for": "203.0.113.9" }), false)).toBe("198.51.100.4");
    expect(clientIp(headers({ [PEER_ADDRESS_HEADER]: "198.51.100.4", "x-forwarded-for": "1.2.3.4, 203.0.113.9" }), false)).toBe("198.51.100.4");
    expect(clientIp(headers({ [PEER_ADDRESS_HEADER]: "198.51.100.4", "x-real-ip": "203.0.113.5" }), false)).toBe("198.51.100.4");
  });

  it("takes the first hop, the original client, behind a trusted proxy chain", async () => {
    const { clientIp } = await load();
    expect(clientIp(headers({ [PEER_ADDRESS_HEADER]: "10.0.0.3", "x-forwarded-for": "203.0.113.9, 10.0.0.2, 10.0.0.3" }), true)).toBe("203.0.113.9");
    expect(clientIp(headers({ [PEER_ADDRESS_HEADER]: "10.0.0.3", "x-forwarded-for": " 203.0.113.9 " }), true)).toBe("203.0.113.9");
  });

  it("falls back to the connection's address behind a trusted proxy that sent no usable hop", async () => {
    const { clientIp } = await load();
    expect(clientIp(headers({ [PEER_ADDRESS_HEADER]: "10.0.0.3" }), true)).toBe("10.0.0.3");
    expect(clientIp(headers({ [PEER_ADDRESS_HEADER]: "10.0.0.3", "x-forwarded-for": " , 203.0.113.9" }), true)).toBe("10.0.0.3");
  });

  it("without the connection's address, trusts no client header: one shared key, and one warning", async () => {
    const { clientIp, UNKNOWN_PEER_KEY, warn } = await load();
    expect(clientIp(headers({ "x-forwarded-for": "203.0.113.9" }), false)).toBe(UNKNOWN_PEER_KEY);
    expect(clientIp(headers({ "x-real-ip": "203.0.113.5" }), false)).toBe(UNKNOWN_PEER_KEY);
    expect(clientIp(headers({}), false)).toBe(UNKNOWN_PEER_KEY);
    expect(clientIp(headers({}), true)).toBe(UNKNOWN_PEER_KEY);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/not served by `npm start`/);
  });

  it("does not warn while the connection's address is known", async () => {
    const { clientIp, warn } = await load();
    clientIp(headers({ [PEER_ADDRESS_HEADER]: "198.51.100.4" }), false);
    expect(warn).not.toHaveBeenCalled();
  });

  it("cuts an absurdly long value, so junk cannot grow the limiter's memory", async () => {
    const { clientIp } = await load();
    expect(clientIp(headers({ "x-forwarded-for": "x".repeat(500) }), true)).toHaveLength(64);
    expect(clientIp(headers({ [PEER_ADDRESS_HEADER]: "x".repeat(500) }), false)).toHaveLength(64);
  });
});

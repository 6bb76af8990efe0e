import { describe, expect, it } from "vitest";
import { clientIp } from "@/lib/request-ip";

const headers = (values: Record<string, string>) => new Headers(values);

describe("clientIp", () => {
  it("takes the last X-Forwarded-For hop when no proxy is trusted", () => {
    expect(clientIp(headers({ "x-forwarded-for": "203.0.113.9" }), false)).toBe("203.0.113.9");
    expect(clientIp(headers({ "x-forwarded-for": "1.2.3.4, 203.0.113.9" }), false)).toBe("203.0.113.9");
  });

  it("takes the first hop, the original client, behind a trusted proxy chain", () => {
    expect(clientIp(headers({ "x-forwarded-for": "203.0.113.9, 10.0.0.2, 10.0.0.3" }), true)).toBe("203.0.113.9");
  });

  it("falls back to X-Real-IP, then to one shared key", () => {
    expect(clientIp(headers({ "x-real-ip": " 203.0.113.5 " }), false)).toBe("203.0.113.5");
    expect(clientIp(headers({}), true)).toBe("unknown");
    expect(clientIp(headers({ "x-forwarded-for": " , " }), false)).toBe("unknown");
  });

  it("cuts an absurdly long value, so junk cannot grow the limiter's memory", () => {
    expect(clientIp(headers({ "x-forwarded-for": "x".repeat(500) }), false)).toHaveLength(64);
  });
});

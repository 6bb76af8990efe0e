import { describe, expect, it } from "vitest";
import { isForwardMove, statusRank } from "@/lib/whatsapp/status-order";

describe("status order", () => {
  it("ranks the local states below accepted < sent < delivered < read", () => {
    for (const local of ["queued", "sending", "uncertain", "received"]) expect(statusRank(local), local).toBeLessThan(statusRank("accepted"));
    expect(statusRank("accepted")).toBeLessThan(statusRank("sent"));
    expect(statusRank("sent")).toBeLessThan(statusRank("delivered"));
    expect(statusRank("delivered")).toBeLessThan(statusRank("read"));
  });

  it("moves forward only: late delivered after read, late sent after delivered, repeats do nothing", () => {
    expect(isForwardMove("sending", "accepted")).toBe(true);
    expect(isForwardMove("accepted", "read")).toBe(true);
    expect(isForwardMove("read", "delivered")).toBe(false);
    expect(isForwardMove("delivered", "sent")).toBe(false);
    expect(isForwardMove("read", "read")).toBe(false);
    expect(isForwardMove("sent", "accepted")).toBe(false);
  });

  it("lets failed override sent and accepted, but not delivered or read", () => {
    expect(isForwardMove("accepted", "failed")).toBe(true);
    expect(isForwardMove("sent", "failed")).toBe(true);
    expect(isForwardMove("failed", "sent")).toBe(false);
    expect(isForwardMove("delivered", "failed")).toBe(false);
    expect(isForwardMove("read", "failed")).toBe(false);
    expect(isForwardMove("failed", "delivered")).toBe(true);
  });

  it("never lets an unknown status win", () => {
    expect(statusRank("played")).toBe(0);
    expect(isForwardMove("sent", "played")).toBe(false);
  });
});

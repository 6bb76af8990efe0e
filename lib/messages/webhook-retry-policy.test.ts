import { describe, expect, it } from "vitest";
import { afterFailedAttempt, WEBHOOK_MAX_ATTEMPTS } from "@/lib/messages/webhook-retry-policy";

const now = new Date("2026-12-02T10:00:00Z");
const delaySeconds = (attempts: number) => (afterFailedAttempt(attempts, now).nextAttemptAt.getTime() - now.getTime()) / 1000;

describe("afterFailedAttempt", () => {
  it("waits longer after each failure, then parks", () => {
    expect([1, 2, 3, 4].map(delaySeconds)).toEqual([10, 40, 160, 640]);
    expect([1, 2, 3, 4].map((n) => afterFailedAttempt(n, now).parkedAt)).toEqual([null, null, null, null]);
    expect(afterFailedAttempt(WEBHOOK_MAX_ATTEMPTS, now)).toEqual({ attempts: WEBHOOK_MAX_ATTEMPTS, nextAttemptAt: now, parkedAt: now });
  });
});

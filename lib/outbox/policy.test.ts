// The decision after a failed try, case by case, without a database.
import { describe, expect, it } from "vitest";
import { describeFailure, failuresInARow, holdsInARow, nextAfterFailure, type TFailure } from "@/lib/outbox/policy";
import { WhatsAppError } from "@/lib/whatsapp/errors";

const at = new Date("2026-12-03T08:00:00Z");
const options = { maxAttempts: 3, confirmGraceMs: 120_000, backoff: { baseMs: 1_000, maxMs: 60_000, random: () => 1 } };
const later = (ms: number) => new Date(at.getTime() + ms);

const temporary: TFailure = { code: "131000", title: "Something went wrong", action: "None.", retryable: true };
const rateLimited: TFailure = { ...temporary, code: "130429", retryAfterMs: 30_000 };
const timeout: TFailure = { ...temporary, code: "timeout", outcomeUnknown: true };
const permanent: TFailure = { code: "131026", title: "Message undeliverable", action: "Check the number.", retryable: false };
const windowClosed: TFailure = { code: "131047", title: "Re-engagement message", action: "Send a template.", retryable: true, windowClosed: true };
const tokenRefused: TFailure = { code: "190", title: "Access token expired", action: "Make a new token.", retryable: false, tokenRefused: true };

describe("nextAfterFailure", () => {
  const cases: [string, Parameters<typeof nextAfterFailure>[0], ReturnType<typeof nextAfterFailure>][] = [
    ["a temporary error is retried after the backoff", { failure: temporary, channel: "whatsapp", automatic: true, inARow: 2, at }, { next: "retry", dueAt: later(2_000), outcome: "retry" }],
    ["never sooner than Meta asked", { failure: rateLimited, channel: "whatsapp", automatic: true, inARow: 1, at }, { next: "retry", dueAt: later(30_000), outcome: "retry" }],
    ["a timeout waits the grace period for a status webhook", { failure: timeout, channel: "whatsapp", automatic: false, inARow: 1, at }, { next: "retry", dueAt: later(120_000), outcome: "unknown" }],
    ["timeouts up to the limit end uncertain", { failure: timeout, channel: "whatsapp", automatic: true, inARow: 3, at }, { next: "uncertain", detail: "Gave up after 3 tries without an answer; it may have reached the customer. None.", outcome: "uncertain" }],
    ["temporary errors up to the limit end failed", { failure: temporary, channel: "whatsapp", automatic: true, inARow: 3, at }, { next: "failed", detail: "Gave up after 3 tries. None.", outcome: "failed" }],
    ["a permanent WhatsApp error of an automatic message falls back to email at once", { failure: permanent, channel: "whatsapp", automatic: true, inARow: 1, at }, { next: "fallback", dueAt: at, outcome: "fallback" }],
    ["one written by an admin fails", { failure: permanent, channel: "whatsapp", automatic: false, inARow: 1, at }, { next: "failed", detail: "Check the number.", outcome: "failed" }],
    ["a permanent email error fails", { failure: permanent, channel: "email", automatic: true, inARow: 1, at }, { next: "failed", detail: "Check the number.", outcome: "failed" }],
    ["a closed window sends an automatic message's template at once", { failure: windowClosed, channel: "whatsapp", automatic: true, inARow: 1, at }, { next: "template", dueAt: at, outcome: "retry" }],
    ["an admin's free text outside the window fails", { failure: windowClosed, channel: "whatsapp", automatic: false, inARow: 1, at }, { next: "failed", detail: "Send a template.", outcome: "failed" }],
    ["a template refused for a closed window cannot become a template: it goes by email", { failure: windowClosed, channel: "whatsapp", automatic: true, template: true, inARow: 1, at }, { next: "fallback", dueAt: at, outcome: "fallback" }],
    ["a refused token holds the message (no fallback, no try used)", { failure: tokenRefused, channel: "whatsapp", automatic: true, inARow: 1, heldBefore: 0, at }, { next: "hold", dueAt: later(600_000), outcome: "held" }],
    ["an admin's message is held too", { failure: tokenRefused, channel: "whatsapp", automatic: false, inARow: 1, heldBefore: 2, at }, { next: "hold", dueAt: later(600_000), outcome: "held" }],
    ["refused again and again while the token works for others, it fails like any permanent error", { failure: tokenRefused, channel: "whatsapp", automatic: true, inARow: 1, heldBefore: 3, at }, { next: "fallback", dueAt: at, outcome: "fallback" }],
  ];
  it.each(cases)("%s", (_name, input, expected) => {
    expect(nextAfterFailure(input, options)).toEqual(expected);
  });
});

describe("describeFailure", () => {
  it("keeps Meta's code, retry hint and trace id, and marks 131047 as a closed window", () => {
    const error = new WhatsAppError({ code: 131047, kind: "permanent", title: "Re-engagement message", action: "Send a template.", retryable: false } as never);
    expect(describeFailure(error, "whatsapp")).toMatchObject({ code: "131047", retryable: true, windowClosed: true });
  });

  it("marks Meta's 190 as a refused token", () => {
    const error = new WhatsAppError({ code: 190, subcode: 463, kind: "auth", title: "Access token expired", action: "New token.", retryable: false } as never);
    expect(describeFailure(error, "whatsapp")).toMatchObject({ code: "190", retryable: false, tokenRefused: true });
  });

  it("classifies an email server's temporary answer, and anything else as internal", () => {
    expect(describeFailure(Object.assign(new Error("try later"), { responseCode: 451 }), "email")).toMatchObject({ code: "451", retryable: true });
    expect(describeFailure(new Error("boom"), "whatsapp")).toMatchObject({ code: "internal", retryable: false, detail: "boom" });
  });
});

describe("holdsInARow", () => {
  it("counts the holds since the run began", () => {
    expect(holdsInARow([{ outcome: "held" }, { outcome: "failed" }, { outcome: "held" }, { outcome: "held" }])).toBe(2);
  });
});

describe("failuresInARow", () => {
  it("counts the temporary failures since the run began, and this one", () => {
    expect(failuresInARow([])).toBe(1);
    expect(failuresInARow([{ outcome: "retry" }, { outcome: "unknown" }])).toBe(3);
    expect(failuresInARow([{ outcome: "retry" }, { outcome: "failed" }, { outcome: "retry" }])).toBe(2);
  });
});

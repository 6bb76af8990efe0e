// What the admin's send dialog says once the dispatcher's first try of their message has ended.
import { describe, expect, it } from "vitest";
import { firstTryOutcome } from "@/lib/messages/first-try-outcome";

const base = { id: "m1", status: "queued", attempts: 0, providerMessageId: null, errorTitle: null, errorDetail: null };

describe("firstTryOutcome", () => {
  it("waits while the message is queued or being sent for the first time", () => {
    expect(firstTryOutcome(base)).toBeNull();
    expect(firstTryOutcome({ ...base, status: "sending", attempts: 1 })).toBeNull();
  });

  it("reports Meta's message id once it took the message, whatever webhooks followed", () => {
    for (const status of ["accepted", "sent", "delivered", "read"]) {
      expect(firstTryOutcome({ ...base, status, attempts: 1, providerMessageId: "wamid.X" })).toEqual({ ok: true, messageId: "m1", wamid: "wamid.X" });
    }
  });

  it("passes on a refusal or an unknown outcome with the words stored for the admin", () => {
    expect(firstTryOutcome({ ...base, status: "failed", attempts: 1, errorTitle: "Recipient not allowed", errorDetail: "Add the number in API Setup." })).toEqual({
      ok: false,
      messageId: "m1",
      status: "failed",
      title: "Recipient not allowed",
      action: "Add the number in API Setup.",
    });
    expect(firstTryOutcome({ ...base, status: "uncertain", attempts: 1 })).toMatchObject({ ok: false, status: "uncertain", title: "Not sent" });
  });

  it("says a temporary failure will be tried again", () => {
    const outcome = firstTryOutcome({ ...base, status: "queued", attempts: 1, errorTitle: "Rate limit hit", errorDetail: "Meta asked to slow down." });
    expect(outcome).toEqual({
      ok: false,
      messageId: "m1",
      status: "queued",
      title: "Rate limit hit",
      action: "Meta asked to slow down. It will be tried again automatically; follow it in the message history.",
    });
  });

  it("says why a message held before any try waits (a refused token)", () => {
    const outcome = firstTryOutcome({ ...base, status: "queued", attempts: 0, errorTitle: "Waiting: WhatsApp refused the access token", errorDetail: "Make a new token." });
    expect(outcome).toMatchObject({ ok: false, status: "queued", title: "Waiting: WhatsApp refused the access token", action: expect.stringMatching(/^Make a new token\. It will be tried again/) });
  });
});

// Each of the doctor's verdicts from recorded Graph answers (./fixtures.ts), without a network.
import { describe, expect, it } from "vitest";
import { diagnose } from "@/lib/whatsapp/doctor/diagnose";
import { doctorText } from "@/lib/whatsapp/doctor/plain-text";
import {
  DEBUG_TOKEN_EXPIRED,
  DEBUG_TOKEN_NO_MESSAGING,
  DEBUG_TOKEN_OTHER_WABA,
  DEBUG_TOKEN_TEMPORARY_USER,
  FIXTURE_NOW,
  OBJECT_MISSING_ENVELOPE,
  PHONE_NUMBER,
  PHONE_NUMBER_ID,
  PHONE_NUMBERS,
  TEST_PHONE_NUMBER,
  TOKEN_EXPIRED_ENVELOPE,
  healthyInput,
  ok,
  refused,
} from "@/lib/whatsapp/doctor/fixtures";
import type { TCheckId, TDoctorInput } from "@/lib/whatsapp/doctor/types";

const check = (input: TDoctorInput, id: TCheckId) => {
  const found = diagnose(input).checks.find((item) => item.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
};
const minutesAgo = (minutes: number) => new Date(FIXTURE_NOW.getTime() - minutes * 60_000);

describe("a healthy set-up", () => {
  it("passes every check, with a verdict each", () => {
    const result = diagnose(healthyInput());
    expect(result.checks.map((item) => [item.id, item.state])).toEqual([
      ["token_valid", "ok"],
      ["token_type", "ok"],
      ["token_expiry", "ok"],
      ["token_scopes", "ok"],
      ["number_in_waba", "ok"],
      ["display_name", "ok"],
      ["quality", "ok"],
      ["messaging_limit", "ok"],
      ["throughput", "ok"],
      ["test_number", "ok"],
      ["webhooks_subscribed", "ok"],
      ["webhook_heartbeat", "ok"],
      ["secrets", "ok"],
    ]);
    expect(result.worst).toBe("ok");
    expect(result.token).toEqual({ valid: true, type: "SYSTEM_USER", expiresAt: null, refusal: null });
    expect(check(healthyInput(), "messaging_limit").verdict).toMatch(/2,000 customers/);
  });
});

describe("the token", () => {
  it("fails an expired token with the time it expired and how to make a lasting one", () => {
    const input = healthyInput({ answers: { debugToken: ok(DEBUG_TOKEN_EXPIRED), phoneNumber: refused(TOKEN_EXPIRED_ENVELOPE, 401) } });
    const valid = check(input, "token_valid");
    expect(valid).toMatchObject({ state: "fail", verdict: "The access token expired on 2026-12-03 11:00 UTC." });
    expect(valid.fix).toMatch(/system-user token that does not expire.*WHATSAPP_ACCESS_TOKEN/);
    expect(check(input, "token_type")).toMatchObject({ state: "warn", verdict: /Not checked/ });
    expect(diagnose(input).token).toMatchObject({ valid: false, refusal: { code: 190, subcode: 463 } });
  });

  it("fails on the phone number's 190 when debug_token cannot be asked (no app id)", () => {
    const input = healthyInput({ setup: { appId: undefined }, answers: { debugToken: null, phoneNumber: refused(TOKEN_EXPIRED_ENVELOPE, 401) } });
    expect(check(input, "token_valid")).toMatchObject({ state: "fail", verdict: "Meta refused the access token: Access token expired (code 190/463)." });
    expect(diagnose(input).token.valid).toBe(false);
  });

  it("without an app id, a working token is ok and the rest asks for WHATSAPP_APP_ID", () => {
    const input = healthyInput({ setup: { appId: undefined }, answers: { debugToken: null } });
    expect(check(input, "token_valid").state).toBe("ok");
    expect(check(input, "token_expiry")).toMatchObject({ state: "warn", fix: /WHATSAPP_APP_ID/ });
  });

  it("fails when debug_token refuses the app id and secret, saying which settings to check", () => {
    const input = healthyInput({ answers: { debugToken: refused({ error: { message: "Invalid OAuth access token - Cannot parse access token", code: 190 } }, 401) } });
    expect(check(input, "token_valid").state).toBe("ok");
    expect(check(input, "token_scopes")).toMatchObject({ state: "warn", fix: /WHATSAPP_APP_ID and WHATSAPP_APP_SECRET/ });
  });

  it("warns about a user token that expires within a day, with the hours left", () => {
    const input = healthyInput({ answers: { debugToken: ok(DEBUG_TOKEN_TEMPORARY_USER) } });
    expect(check(input, "token_type")).toMatchObject({ state: "warn", verdict: /user token/ });
    expect(check(input, "token_expiry")).toMatchObject({ state: "warn", verdict: "Expires within a day: in about 5 hours (2026-12-03 17:00 UTC). WhatsApp sends stop then." });
    expect(diagnose(input).token.expiresAt).toEqual(new Date("2026-12-03T17:00:00Z"));
  });

  it("fails a missing permission, and permissions that cover another WhatsApp account", () => {
    expect(check(healthyInput({ answers: { debugToken: ok(DEBUG_TOKEN_NO_MESSAGING) } }), "token_scopes")).toMatchObject({ state: "fail", verdict: "The token lacks whatsapp_business_messaging." });
    expect(check(healthyInput({ answers: { debugToken: ok(DEBUG_TOKEN_OTHER_WABA) } }), "token_scopes")).toMatchObject({
      state: "fail",
      verdict: expect.stringMatching(/cover WhatsApp account 999999999999999, not 102290129340398 \(WHATSAPP_WABA_ID\)/),
    });
  });
});

describe("the number", () => {
  it("fails a number that is not the WhatsApp account's, naming the account's numbers", () => {
    const other = { data: [{ ...PHONE_NUMBER, id: "777" }] };
    expect(check(healthyInput({ answers: { phoneNumbers: ok(other) } }), "number_in_waba")).toMatchObject({
      state: "fail",
      verdict: `WhatsApp account 102290129340398 has the numbers +27 10 500 0100 (id 777), not id ${PHONE_NUMBER_ID} (WHATSAPP_PHONE_NUMBER_ID).`,
    });
  });

  it("fails a WhatsApp account id that does not exist (100/33)", () => {
    const input = healthyInput({ setup: { wabaId: "999999999999999" }, answers: { phoneNumbers: refused(OBJECT_MISSING_ENVELOPE, 400) } });
    expect(check(input, "number_in_waba")).toMatchObject({ state: "fail", verdict: /WhatsApp account 999999999999999 \(WHATSAPP_WABA_ID\) was not found/, fix: /API Setup/ });
  });

  it.each([
    ["APPROVED", "ok"],
    ["AVAILABLE_WITHOUT_REVIEW", "ok"],
    ["PENDING_REVIEW", "warn"],
    ["DECLINED", "fail"],
    ["EXPIRED", "fail"],
    ["NONE", "warn"],
  ] as const)("display name %s is %s", (nameStatus, state) => {
    expect(check(healthyInput({ answers: { phoneNumber: ok({ ...PHONE_NUMBER, name_status: nameStatus }) } }), "display_name").state).toBe(state);
  });

  it.each([
    [{ quality_rating: "YELLOW" }, "warn"],
    [{ quality_rating: "RED" }, "fail"],
    [{ quality_rating: "UNKNOWN" }, "ok"],
    [{ status: "FLAGGED" }, "fail"],
  ] as const)("quality %j is %s", (change, state) => {
    expect(check(healthyInput({ answers: { phoneNumber: ok({ ...PHONE_NUMBER, ...change }) } }), "quality").state).toBe(state);
  });

  it("reads the messaging limit, from the deprecated field when the new one is missing", () => {
    const old = { ...PHONE_NUMBER, whatsapp_business_manager_messaging_limit: undefined, messaging_limit_tier: "TIER_10K" };
    expect(check(healthyInput({ answers: { phoneNumber: ok(old) } }), "messaging_limit")).toMatchObject({ state: "ok", verdict: /10,000 customers/ });
    expect(check(healthyInput({ answers: { phoneNumber: ok({ ...PHONE_NUMBER, whatsapp_business_manager_messaging_limit: undefined }) } }), "messaging_limit").state).toBe("warn");
  });

  it("warns when WHATSAPP_MAX_MPS is above a standard number's 80 a second", () => {
    expect(check(healthyInput({ setup: { maxMessagesPerSecond: 200 } }), "throughput")).toMatchObject({ state: "warn", fix: "Set WHATSAPP_MAX_MPS to 80." });
    expect(check(healthyInput({ setup: { maxMessagesPerSecond: 200 }, answers: { phoneNumber: ok({ ...PHONE_NUMBER, throughput: { level: "HIGH" } }) } }), "throughput").state).toBe("ok");
  });

  it("fails Meta's test number when live, with the allowed-list hint (131030); warns in the sandbox", () => {
    const answers = { phoneNumber: ok(TEST_PHONE_NUMBER), phoneNumbers: ok({ ...PHONE_NUMBERS, data: [TEST_PHONE_NUMBER] }) };
    const live = check(healthyInput({ answers }), "test_number");
    expect(live).toMatchObject({ state: "fail", verdict: /Meta's test number.*131030/, fix: /API Setup/ });
    expect(check(healthyInput({ answers, setup: { mode: "sandbox" } }), "test_number").state).toBe("warn");
  });

  it("says how to reach Meta when the Graph API does not answer", () => {
    const unreachable = { ok: false as const, error: { code: "timeout", title: "No answer from WhatsApp within 10 s", action: "The message may or may not have gone out." } };
    const input = healthyInput({ answers: { phoneNumber: unreachable, phoneNumbers: unreachable } });
    expect(check(input, "number_in_waba")).toMatchObject({ state: "fail", verdict: /could not be read: No answer/, fix: /did not answer: check this machine's network and WHATSAPP_API_BASE_URL/ });
  });

  it("marks the number's other checks not checked when it cannot be read", () => {
    const input = healthyInput({ answers: { phoneNumber: refused(OBJECT_MISSING_ENVELOPE, 400) } });
    expect(check(input, "display_name")).toMatchObject({ state: "fail", verdict: /Phone number .* was not found/ });
    expect(check(input, "quality")).toMatchObject({ state: "warn", verdict: /Not checked/ });
  });
});

describe("webhooks and secrets", () => {
  it("fails when no app is subscribed to the account's webhooks, and when only another app is", () => {
    expect(check(healthyInput({ answers: { subscribedApps: ok({ data: [] }) } }), "webhooks_subscribed")).toMatchObject({ state: "fail", fix: /POST \/102290129340398\/subscribed_apps/ });
    const other = ok({ data: [{ whatsapp_business_api_data: { id: "42", name: "Old CRM" } }] });
    expect(check(healthyInput({ answers: { subscribedApps: other } }), "webhooks_subscribed")).toMatchObject({ state: "fail", verdict: /Old CRM/ });
  });

  it("fails when a send was accepted long ago and no signed webhook followed; warns when none ever came", () => {
    const silent = healthyInput({ heartbeat: { lastAcceptedAt: minutesAgo(30), lastReceivedAt: minutesAgo(600) } });
    expect(check(silent, "webhook_heartbeat")).toMatchObject({ state: "fail", verdict: /no signed webhook followed: the last one came 2026-12-03 02:00 UTC/, fix: /api\/webhooks\/whatsapp/ });
    expect(check(healthyInput({ heartbeat: { lastAcceptedAt: minutesAgo(2), lastReceivedAt: null } }), "webhook_heartbeat").state).toBe("warn");
    expect(check(healthyInput({ heartbeat: { lastAcceptedAt: null, lastReceivedAt: null } }), "webhook_heartbeat").state).toBe("warn");
  });

  it("fails a missing verify token or app secret, naming it", () => {
    expect(check(healthyInput({ setup: { verifyTokenSet: false } }), "secrets")).toMatchObject({ state: "fail", verdict: /^WHATSAPP_VERIFY_TOKEN is not set/ });
  });
});

describe("doctorText", () => {
  it("prints each verdict on a line, the fix beneath what is not ok, and the counts", () => {
    const text = doctorText(diagnose(healthyInput({ answers: { subscribedApps: ok({ data: [] }) } })));
    expect(text).toMatch(/^ok {4}Access token: Valid/m);
    expect(text).toMatch(/^FAIL {2}Webhook subscription: No app is subscribed.*\n {6}Fix: Subscribe the app/m);
    expect(text).toMatch(/12 ok, 0 warnings, 1 failures\.$/);
  });
});

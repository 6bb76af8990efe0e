// Graph answers as Meta sends them, recorded for the doctor's tests: a healthy set-up, and the
// bodies and error envelopes of the ways it goes wrong. Error envelopes go through the same
// mapping as live answers (lib/whatsapp/errors.ts).
import { whatsAppErrorFromEnvelope } from "@/lib/whatsapp/errors";
import type { TDoctorAnswers, TDoctorInput, TGraphAnswer } from "@/lib/whatsapp/doctor/types";

export const FIXTURE_NOW = new Date("2026-12-03T12:00:00Z");
export const PHONE_NUMBER_ID = "106540352242922";
export const WABA_ID = "102290129340398";
export const APP_ID = "1187654321098765";

export const ok = (data: unknown): TGraphAnswer => ({ ok: true, data });

/** An error answer from Meta's raw envelope and HTTP status. */
export function refused(envelope: unknown, httpStatus: number): TGraphAnswer {
  const error = whatsAppErrorFromEnvelope(envelope, httpStatus);
  return { ok: false, error: { code: error.code, subcode: error.subcode, title: error.title, action: error.action, details: error.details } };
}

export const DEBUG_TOKEN_SYSTEM_USER = {
  data: {
    app_id: APP_ID,
    type: "SYSTEM_USER",
    application: "SSG Admin",
    data_access_expires_at: 0,
    expires_at: 0,
    is_valid: true,
    scopes: ["whatsapp_business_management", "whatsapp_business_messaging", "public_profile"],
    granular_scopes: [
      { scope: "whatsapp_business_management", target_ids: [WABA_ID] },
      { scope: "whatsapp_business_messaging", target_ids: [WABA_ID] },
    ],
    user_id: "122100000000000001",
  },
};

/** A developer's temporary token from API Setup: a user token that expires the same day. */
export const DEBUG_TOKEN_TEMPORARY_USER = {
  data: { ...DEBUG_TOKEN_SYSTEM_USER.data, type: "USER", expires_at: Math.floor(FIXTURE_NOW.getTime() / 1000) + 5 * 3600 },
};

export const DEBUG_TOKEN_EXPIRED = {
  data: {
    app_id: APP_ID,
    type: "USER",
    application: "SSG Admin",
    expires_at: Math.floor(FIXTURE_NOW.getTime() / 1000) - 3600,
    is_valid: false,
    error: { code: 190, message: "Error validating access token: Session has expired on Thursday, 03-Dec-26 11:00:00 PST.", subcode: 463 },
    scopes: ["whatsapp_business_management", "whatsapp_business_messaging"],
    user_id: "122100000000000001",
  },
};

export const DEBUG_TOKEN_OTHER_WABA = {
  data: {
    ...DEBUG_TOKEN_SYSTEM_USER.data,
    granular_scopes: DEBUG_TOKEN_SYSTEM_USER.data.granular_scopes.map((granular) => ({ ...granular, target_ids: ["999999999999999"] })),
  },
};

export const DEBUG_TOKEN_NO_MESSAGING = {
  data: { ...DEBUG_TOKEN_SYSTEM_USER.data, scopes: ["whatsapp_business_management"], granular_scopes: [DEBUG_TOKEN_SYSTEM_USER.data.granular_scopes[0]] },
};

export const PHONE_NUMBER = {
  verified_name: "Snow Spoiled Gifts",
  code_verification_status: "VERIFIED",
  display_phone_number: "+27 10 500 0100",
  quality_rating: "GREEN",
  platform_type: "CLOUD_API",
  throughput: { level: "STANDARD" },
  whatsapp_business_manager_messaging_limit: "TIER_2K",
  name_status: "APPROVED",
  status: "CONNECTED",
  id: PHONE_NUMBER_ID,
};

export const TEST_PHONE_NUMBER = {
  ...PHONE_NUMBER,
  verified_name: "Test Number",
  code_verification_status: "NOT_VERIFIED",
  display_phone_number: "15551469830",
  throughput: { level: "NOT_APPLICABLE" },
  whatsapp_business_manager_messaging_limit: "TIER_250",
  name_status: "AVAILABLE_WITHOUT_REVIEW",
};

export const PHONE_NUMBERS = { data: [PHONE_NUMBER], paging: { cursors: { before: "QVFI", after: "QVFI" } } };

export const SUBSCRIBED_APPS = { data: [{ whatsapp_business_api_data: { link: "https://www.facebook.com/games/?app_id=1187654321098765", name: "SSG Admin", id: APP_ID } }] };

export const TOKEN_EXPIRED_ENVELOPE = {
  error: {
    message: "Error validating access token: Session has expired on Thursday, 03-Dec-26 11:00:00 PST. The current time is Thursday, 03-Dec-26 12:00:00 PST.",
    type: "OAuthException",
    code: 190,
    error_subcode: 463,
    fbtrace_id: "AyXwR5pQ1qZ",
  },
};

export const OBJECT_MISSING_ENVELOPE = {
  error: {
    message: "Unsupported get request. Object with ID '999999999999999' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api",
    type: "GraphMethodException",
    code: 100,
    error_subcode: 33,
    fbtrace_id: "A3vBq9Xk2Lm",
  },
};

export const HEALTHY_ANSWERS: TDoctorAnswers = {
  debugToken: ok(DEBUG_TOKEN_SYSTEM_USER),
  phoneNumber: ok(PHONE_NUMBER),
  phoneNumbers: ok(PHONE_NUMBERS),
  subscribedApps: ok(SUBSCRIBED_APPS),
};

/** A live, healthy installation that sent a message five minutes ago and got its statuses. */
export function healthyInput(change: { answers?: Partial<TDoctorAnswers>; setup?: Partial<TDoctorInput["setup"]>; heartbeat?: Partial<TDoctorInput["heartbeat"]> } = {}): TDoctorInput {
  return {
    now: FIXTURE_NOW,
    setup: {
      mode: "live",
      phoneNumberId: PHONE_NUMBER_ID,
      wabaId: WABA_ID,
      appId: APP_ID,
      appSecretSet: true,
      verifyTokenSet: true,
      maxMessagesPerSecond: 80,
      webhookUrl: "https://admin.example.com/api/webhooks/whatsapp",
      ...change.setup,
    },
    answers: { ...HEALTHY_ANSWERS, ...change.answers },
    heartbeat: { lastAcceptedAt: new Date(FIXTURE_NOW.getTime() - 5 * 60_000), lastReceivedAt: new Date(FIXTURE_NOW.getTime() - 4 * 60_000), ...change.heartbeat },
  };
}

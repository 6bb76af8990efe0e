// The doctor's vocabulary: the set-up it is asked about, the Graph answers it reads (as the
// runner recorded them, or as a test's fixtures give them), and the checks it returns.
import type { WhatsAppError } from "@/lib/whatsapp/errors";

export type TCheckState = "ok" | "warn" | "fail";

export type TCheckId =
  | "token_valid"
  | "token_type"
  | "token_expiry"
  | "token_scopes"
  | "number_in_waba"
  | "display_name"
  | "quality"
  | "messaging_limit"
  | "throughput"
  | "test_number"
  | "webhooks_subscribed"
  | "webhook_heartbeat"
  | "secrets";

/** One verdict in plain words; `fix` says what to do when it is not ok. */
export type TCheck = { id: TCheckId; label: string; state: TCheckState; verdict: string; fix?: string };

/** An error answer, as lib/whatsapp/errors.ts maps it. */
export type TAnswerError = Pick<WhatsAppError, "code" | "title" | "action"> & { subcode?: number; details?: string };

/** One Graph call's answer: its JSON body, or Meta's error. */
export type TGraphAnswer = { ok: true; data: unknown } | { ok: false; error: TAnswerError };

export type TDoctorAnswers = {
  /** null: not asked (debug_token needs WHATSAPP_APP_ID). */
  debugToken: TGraphAnswer | null;
  /** GET /{phone-number-id}?fields=… */
  phoneNumber: TGraphAnswer;
  /** GET /{waba-id}/phone_numbers */
  phoneNumbers: TGraphAnswer;
  /** GET /{waba-id}/subscribed_apps */
  subscribedApps: TGraphAnswer;
};

export type TDoctorSetup = {
  mode: "live" | "sandbox";
  phoneNumberId: string;
  wabaId: string;
  appId?: string;
  appSecretSet: boolean;
  verifyTokenSet: boolean;
  /** WHATSAPP_MAX_MPS: the pace the dispatcher keeps. */
  maxMessagesPerSecond: number;
  /** Where Meta must post webhooks (APP_URL/api/webhooks/whatsapp). */
  webhookUrl: string;
};

/** From the database: the newest signed webhook delivery stored, and the newest WhatsApp send Meta accepted. */
export type THeartbeat = { lastReceivedAt: Date | null; lastAcceptedAt: Date | null };

export type TDoctorInput = { setup: TDoctorSetup; answers: TDoctorAnswers; heartbeat: THeartbeat; now: Date };

/** What the token checks learnt, kept for the banner and the outbox's token hold. */
export type TTokenFacts = { valid: boolean | null; type: string | null; expiresAt: Date | null; refusal: TAnswerError | null };

export type TDoctorResult = { at: Date; checks: TCheck[]; token: TTokenFacts; worst: TCheckState };

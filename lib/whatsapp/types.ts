// Raw Graph API shapes (WhatsApp Cloud API) as Meta sends and expects them, snake_case and all.
// Only the fields this product reads or writes are named; Meta adds fields over time, so the
// webhook types are read leniently (lib/whatsapp/webhook.ts) and these stay open-ended.
//
// Business-scoped user ids (BSUID, e.g. "ZA.1234…", Meta 2026): `user_id` / `parent_user_id` on
// contacts, `from_user_id` / `from_parent_user_id` on inbound messages, `recipient_user_id` /
// `recipient_parent_user_id` on statuses, `recipient` on a send aimed at a BSUID. For a user
// with a username the phone number fields (`wa_id`, `from`, `recipient_id`) may be missing.

// ---- Errors -------------------------------------------------------------------------------

export type TGraphErrorBody = {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  error_user_title?: string;
  error_user_msg?: string;
  error_data?: { messaging_product?: string; details?: string };
  fbtrace_id?: string;
};

export type TGraphErrorEnvelope = { error: TGraphErrorBody };

/** One error object inside a webhook's `statuses[].errors` or `value.errors`. */
export type TWebhookError = {
  code: number;
  title?: string;
  message?: string;
  error_data?: { details?: string };
  href?: string;
};

// ---- Sending: POST /{phone-number-id}/messages ----------------------------------------------

export type TTemplateParameter =
  | { type: "text"; text: string; parameter_name?: string }
  | { type: "currency"; currency: { fallback_value: string; code: string; amount_1000: number }; parameter_name?: string };

export type TTemplateComponent =
  | { type: "header" | "body"; parameters: TTemplateParameter[] }
  | {
      type: "button";
      sub_type: "url" | "quick_reply";
      index: string;
      parameters: { type: "text" | "payload"; text?: string; payload?: string }[];
    };

export type TSendMessageRequest = {
  messaging_product: "whatsapp";
  recipient_type: "individual";
  /** Phone number: digits with country code, no "+". Absent when sent to a BSUID. */
  to?: string;
  /** A BSUID instead of a phone number (Meta: `to` wins when both are present). */
  recipient?: string;
  /** Our own id, echoed by Meta on every status webhook of this message (max 512 characters). */
  biz_opaque_callback_data?: string;
  /** Quote-reply to an inbound message. */
  context?: { message_id: string };
} & (
  | { type: "text"; text: { body: string; preview_url: boolean } }
  | { type: "template"; template: { name: string; language: { code: string }; components?: TTemplateComponent[] } }
);

export type TMarkReadRequest = { messaging_product: "whatsapp"; status: "read"; message_id: string };

/** GET /{media-id}: where a customer's file can be downloaded (for about five minutes, with the token). */
export type TMediaInfo = { messaging_product: "whatsapp"; url: string; mime_type: string; sha256: string; file_size: number; id: string };

export type TSendMessageResponse = {
  messaging_product: "whatsapp";
  contacts: { input: string; wa_id?: string; user_id?: string }[];
  messages: { id: string; message_status?: "accepted" | "held_for_quality_assessment" | "paused" | string }[];
};

// ---- Management calls ---------------------------------------------------------------------

export type TTemplateStatus = "APPROVED" | "PENDING" | "REJECTED" | "PAUSED" | "DISABLED" | "IN_APPEAL" | "LIMIT_EXCEEDED";

export type TMessageTemplate = {
  id?: string;
  name: string;
  language: string;
  status: TTemplateStatus | (string & {});
  category?: "UTILITY" | "MARKETING" | "AUTHENTICATION" | (string & {});
  parameter_format?: "POSITIONAL" | "NAMED";
  /** GREEN, YELLOW, RED, UNKNOWN. */
  quality_score?: { score?: string; date?: number };
  /** Why Meta rejected it; "NONE" otherwise. */
  rejected_reason?: string;
  components?: {
    type: "HEADER" | "BODY" | "FOOTER" | "BUTTONS" | (string & {});
    format?: string;
    text?: string;
    buttons?: { type: string; text?: string; url?: string }[];
  }[];
};

export type TPaged<T> = { data: T[]; paging?: { cursors?: { before?: string; after?: string }; next?: string; previous?: string } };

export type TPhoneNumber = {
  id: string;
  display_phone_number?: string;
  verified_name?: string;
  /** APPROVED, AVAILABLE_WITHOUT_REVIEW, PENDING_REVIEW, DECLINED, EXPIRED, NONE. */
  name_status?: string;
  /** GREEN, YELLOW, RED, UNKNOWN. */
  quality_rating?: string;
  code_verification_status?: string;
  /** CONNECTED, FLAGGED, RESTRICTED, … */
  status?: string;
  platform_type?: string;
  throughput?: { level?: string };
  /** TIER_250, TIER_2K, TIER_10K, TIER_100K, TIER_UNLIMITED (replaces messaging_limit_tier). */
  whatsapp_business_manager_messaging_limit?: string;
};

export type TDebugTokenData = {
  is_valid: boolean;
  app_id?: string;
  application?: string;
  type?: "USER" | "SYSTEM_USER" | "PAGE" | "APP" | (string & {});
  /** Unix seconds; 0 means the token never expires. */
  expires_at?: number;
  data_access_expires_at?: number;
  scopes?: string[];
  /** `target_ids` tell which WABAs a permission covers (absent: all the token can reach). */
  granular_scopes?: { scope: string; target_ids?: string[] }[];
  error?: { code?: number; message?: string; subcode?: number };
};

export type TDebugToken = { data: TDebugTokenData };

export type TSubscribedApps = { data: { whatsapp_business_api_data?: { id?: string; name?: string; link?: string } }[] };

// ---- Webhooks -----------------------------------------------------------------------------

export type TWebhookEnvelope = {
  object: "whatsapp_business_account" | (string & {});
  entry: TWebhookEntry[];
};

/** `time`: Unix seconds of the change (Meta sends it on business account fields such as templates). */
export type TWebhookEntry = { id: string; time?: number; changes: TWebhookChange[] };

/** `field` is "messages" for statuses and inbound messages; other fields carry their own value. */
export type TWebhookChange =
  | { field: "messages"; value: TWebhookMessagesValue }
  | { field: "message_template_status_update"; value: TTemplateStatusUpdate }
  | { field: string; value: Record<string, unknown> };

export type TWebhookMetadata = { display_phone_number: string; phone_number_id: string };

export type TWebhookMessagesValue = {
  messaging_product: "whatsapp";
  metadata: TWebhookMetadata;
  contacts?: TWebhookContact[];
  messages?: TWebhookMessage[];
  statuses?: TWebhookStatus[];
  errors?: TWebhookError[];
};

export type TWebhookContact = {
  wa_id?: string;
  user_id?: string;
  parent_user_id?: string;
  profile?: { name?: string; username?: string };
};

type TMedia = { id: string; mime_type?: string; sha256?: string; caption?: string; filename?: string };

export type TWebhookMessage = {
  id: string;
  /** The writer's phone number; may be missing for a user with a username. */
  from?: string;
  from_user_id?: string;
  from_parent_user_id?: string;
  timestamp: string;
  type:
    | "text"
    | "image"
    | "audio"
    | "video"
    | "document"
    | "sticker"
    | "location"
    | "contacts"
    | "interactive"
    | "button"
    | "reaction"
    | "system"
    | "unsupported"
    | (string & {});
  text?: { body: string };
  image?: TMedia;
  audio?: TMedia;
  video?: TMedia;
  document?: TMedia;
  sticker?: TMedia;
  location?: { latitude: number; longitude: number; name?: string; address?: string };
  button?: { text?: string; payload?: string };
  interactive?: {
    type?: "button_reply" | "list_reply" | (string & {});
    button_reply?: { id: string; title: string };
    list_reply?: { id: string; title: string; description?: string };
  };
  reaction?: { message_id: string; emoji?: string };
  system?: { body?: string; type?: string; wa_id?: string; user_id?: string };
  /** Set when the customer replies to (or taps a button on) one of our messages. */
  context?: { from?: string; id?: string };
  errors?: TWebhookError[];
};

export type TWebhookStatus = {
  id: string;
  status: "sent" | "delivered" | "read" | "failed" | (string & {});
  timestamp: string;
  recipient_id?: string;
  recipient_user_id?: string;
  recipient_parent_user_id?: string;
  biz_opaque_callback_data?: string;
  conversation?: { id: string; expiration_timestamp?: string; origin?: { type: string } };
  pricing?: {
    billable?: boolean;
    pricing_model?: "PMP" | "CBP" | (string & {});
    category?: "utility" | "marketing" | "authentication" | "service" | (string & {});
    type?: "regular" | "free_customer_service" | "free_entry_point" | (string & {});
  };
  errors?: TWebhookError[];
};

export type TTemplateStatusUpdate = {
  event: "APPROVED" | "REJECTED" | "PAUSED" | "DISABLED" | "PENDING_DELETION" | (string & {});
  message_template_id?: number | string;
  message_template_name?: string;
  message_template_language?: string;
  reason?: string | null;
};

// Raw Graph API shapes (Cloud API), as Meta sends and expects them. Only the fields this product
// reads or writes; everything else passes through untouched.

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

export type TTemplateParameter =
  | { type: "text"; text: string; parameter_name?: string }
  | { type: "currency"; currency: { fallback_value: string; code: string; amount_1000: number }; parameter_name?: string };

export type TTemplateComponent =
  | { type: "header" | "body"; parameters: TTemplateParameter[] }
  | { type: "button"; sub_type: "url" | "quick_reply"; index: string; parameters: { type: "text" | "payload"; text?: string; payload?: string }[] };

export type TSendMessageRequest = {
  messaging_product: "whatsapp";
  recipient_type: "individual";
  to: string;
  biz_opaque_callback_data?: string;
  context?: { message_id: string };
} & (
  | { type: "text"; text: { body: string; preview_url: boolean } }
  | { type: "template"; template: { name: string; language: { code: string }; components?: TTemplateComponent[] } }
);

export type TSendMessageResponse = {
  messaging_product: "whatsapp";
  contacts: { input: string; wa_id: string; user_id?: string }[];
  messages: { id: string; message_status?: string }[];
};

export type TMessageTemplate = {
  id?: string;
  name: string;
  language: string;
  status: "APPROVED" | "PENDING" | "REJECTED" | "PAUSED" | "DISABLED" | string;
  category?: string;
  parameter_format?: "POSITIONAL" | "NAMED";
  components?: { type: "HEADER" | "BODY" | "FOOTER" | "BUTTONS" | string; text?: string; format?: string }[];
};

export type TPaged<T> = { data: T[]; paging?: { cursors?: { before?: string; after?: string }; next?: string } };

export type TPhoneNumber = {
  id: string;
  display_phone_number?: string;
  verified_name?: string;
  name_status?: string;
  quality_rating?: string;
  code_verification_status?: string;
  status?: string;
  platform_type?: string;
  throughput?: { level?: string };
  whatsapp_business_manager_messaging_limit?: string;
};

export type TDebugToken = {
  data: {
    is_valid: boolean;
    app_id?: string;
    type?: "USER" | "SYSTEM_USER" | string;
    expires_at?: number;
    data_access_expires_at?: number;
    scopes?: string[];
    granular_scopes?: { scope: string; target_ids?: string[] }[];
    error?: { code?: number; message?: string };
  };
};

/** One error object inside a webhook's `statuses[].errors` or `value.errors`. */
export type TWebhookError = { code: number; title?: string; message?: string; error_data?: { details?: string }; href?: string };

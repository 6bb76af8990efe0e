// The sandbox's checks on POST /{phone-number-id}/messages, in the order Meta applies them, with
// Meta's codes: a malformed body is 100, a bad number 131009, the failure numbers of
// ./failures.ts, the test number's allowed list 131030, free text outside the 24-hour window
// 131047 (at once, or accepted and then failed by webhook as Meta does), a template that is unknown or not approved 132001 (paused 132015, disabled 132016),
// a wrong parameter count 132000.
import { MAX_CALLBACK_DATA_LENGTH, MAX_TEXT_LENGTH } from "@/lib/whatsapp/payloads";
import { failureResponse, graphErrorResponse, immediateFailure, sandboxFailure } from "@/lib/whatsapp/sandbox/failures";
import { expectedParameters, findTemplate } from "@/lib/whatsapp/sandbox/templates";
import { placeholderNames } from "@/lib/whatsapp/template-placeholders";
import type { TMessageTemplate } from "@/lib/whatsapp/types";
import { refusedForUserId, sendTarget } from "@/lib/whatsapp/sandbox/recipient";

export type TSendPricing = { billable: boolean; category: string; type: string };

export type TCheckedSend =
  | { ok: false; response: Response }
  /** `to`: the phone number, or the BSUID of a send by `recipient` (`byUserId`). */
  | {
      ok: true;
      to: string;
      byUserId?: boolean;
      type: "text" | "template";
      callbackData?: string;
      pricing: TSendPricing;
      /** Accepted, but Meta will report it failed with this code by webhook (131047: the window is closed). */
      laterFailure?: number;
    };

/** Meta's "more than 24 hours since the customer last wrote". */
export const RE_ENGAGEMENT = 131047;

export type TSendContext = {
  windowOpen: (to: string) => boolean;
  /** Free text outside the window: accepted and failed by webhook, as Meta does (else refused at once). */
  windowFailsByWebhook?: boolean;
  allowedRecipients?: ReadonlySet<string>;
  /** This sandbox's templates as they are now (./templates.ts createTemplateLibrary). */
  findTemplate?: (name: unknown, language: unknown) => TMessageTemplate | undefined;
};

type TBody = Record<string, unknown>;

const refuse = (response: Response): TCheckedSend => ({ ok: false, response });
const invalidParameter = (message: string, details?: string) => refuse(graphErrorResponse(100, `(#100) ${message}`, 400, { details }));
const record = (value: unknown): TBody | undefined => (value && typeof value === "object" && !Array.isArray(value) ? (value as TBody) : undefined);
const characters = (text: string) => [...text].length;

export function checkSend(body: TBody, context: TSendContext): TCheckedSend {
  if (body.messaging_product !== "whatsapp") return invalidParameter("The parameter messaging_product is required.");
  if (body.recipient_type !== undefined && body.recipient_type !== "individual") return invalidParameter("Invalid parameter recipient_type.");
  const target = sendTarget(body);
  if (!target.ok) return refuse(target.response);
  const to = target.address;
  const byUserId = target.byUserId;
  const callbackData = body.biz_opaque_callback_data;
  if (callbackData !== undefined && (typeof callbackData !== "string" || characters(callbackData) > MAX_CALLBACK_DATA_LENGTH)) {
    return invalidParameter(`Param biz_opaque_callback_data must be a string of at most ${MAX_CALLBACK_DATA_LENGTH} characters.`);
  }

  const failure = immediateFailure(to);
  if (failure) return refuse(failureResponse(failure, `Sandbox failure number ${to}.`));
  if (context.allowedRecipients && !byUserId && !context.allowedRecipients.has(to)) {
    return refuse(failureResponse(sandboxFailure(131030), `Recipient phone number not in allowed list: ${to} is not one of the sandbox's test recipients.`));
  }

  // Meta treats a missing type as text.
  const type = body.type ?? "text";
  const windowOpen = context.windowOpen(to);
  if (type === "text") {
    const text = record(body.text)?.body;
    if (typeof text !== "string" || !text.trim()) return invalidParameter("The parameter text['body'] is required.");
    if (characters(text) > MAX_TEXT_LENGTH) return invalidParameter(`Param text['body'] must be at most ${MAX_TEXT_LENGTH} characters long.`);
    // Meta accepts free text outside the window (200 and a wamid) and fails it by a status webhook
    // with 131047 (index.ts schedules it); `windowFailsByWebhook: false` refuses it at once instead.
    if (!windowOpen && !context.windowFailsByWebhook) {
      return refuse(
        graphErrorResponse(RE_ENGAGEMENT, "(#131047) Re-engagement message", 400, {
          details: "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
        }),
      );
    }
    const laterFailure = windowOpen ? {} : { laterFailure: RE_ENGAGEMENT };
    return { ok: true, to, byUserId, type: "text", callbackData, pricing: { billable: false, category: "service", type: "free_customer_service" }, ...laterFailure };
  }
  if (type === "template") {
    const checked = checkTemplate(body, to, callbackData, windowOpen, context.findTemplate);
    if (!checked.ok || !byUserId) return checked;
    const refused = refusedForUserId((context.findTemplate ?? findTemplate)(record(body.template)?.name, record(record(body.template)?.language)?.code)?.category);
    return refused ? refuse(refused) : { ...checked, byUserId };
  }
  return refuse(graphErrorResponse(131051, "(#131051) Unsupported message type", 400, { details: `The sandbox sends text and template messages, not ${String(type)}.` }));
}

function checkTemplate(body: TBody, to: string, callbackData: string | undefined, windowOpen: boolean, lookup = findTemplate): TCheckedSend {
  const template = record(body.template);
  const name = template?.name;
  const language = record(template?.language)?.code;
  if (typeof name !== "string" || !name) return invalidParameter("The parameter template['name'] is required.");
  if (typeof language !== "string" || !language) return invalidParameter("The parameter template['language']['code'] is required.");

  const known = lookup(name, language);
  if (known?.status === "PAUSED") return refuse(graphErrorResponse(132015, "(#132015) Template is Paused", 400, { details: `Template ${name} is paused due to low quality.` }));
  if (known?.status === "DISABLED") return refuse(graphErrorResponse(132016, "(#132016) Template is Disabled", 400, { details: `Template ${name} is disabled due to low quality.` }));
  if (!known || known.status !== "APPROVED") {
    return refuse(
      graphErrorResponse(132001, "(#132001) Template name does not exist in the translation", 404, {
        details: `template name (${name}) does not exist in ${language}${known ? ` (status ${known.status})` : ""}`,
      }),
    );
  }

  const components = Array.isArray(template?.components) ? template.components.map(record) : [];
  const given = (type: string, subType?: string) =>
    components
      .filter((component) => component?.type === type && (subType === undefined || component?.sub_type === subType))
      .reduce((count, component) => count + (Array.isArray(component?.parameters) ? component.parameters.length : 0), 0);
  const expected = expectedParameters(known);
  for (const [part, count] of [["header", given("header")], ["body", given("body")], ["button", given("button", "url")]] as const) {
    if (count !== expected[part]) {
      return refuse(
        graphErrorResponse(132000, "(#132000) Number of parameters does not match the expected number of params", 400, {
          details: `${part}: number of localizable_params (${count}) does not match the expected number of params (${expected[part]})`,
        }),
      );
    }
  }

  // A named template takes each body parameter by its name; a positional one by order only.
  if (known.parameter_format === "NAMED") {
    const names = placeholderNames(known.components?.find((component) => component.type === "BODY")?.text);
    const body = components.find((component) => component?.type === "body");
    const given = (Array.isArray(body?.parameters) ? body.parameters : []).map((parameter) => record(parameter)?.parameter_name);
    if (given.some((name) => typeof name !== "string" || !names.includes(name)) || new Set(given).size !== names.length) {
      return refuse(
        graphErrorResponse(132012, "(#132012) Parameter format does not match format in the created template", 400, {
          details: `template ${name} takes named parameters: ${names.join(", ")}`,
        }),
      );
    }
  }

  const category = (known.category ?? "UTILITY").toLowerCase();
  // Since July 2025 a utility template inside an open service window is free.
  const free = category === "utility" && windowOpen;
  return { ok: true, to, type: "template", callbackData, pricing: { billable: !free, category, type: free ? "free_customer_service" : "regular" } };
}

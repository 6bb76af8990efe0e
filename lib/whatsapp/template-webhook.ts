// The template fields of Meta's webhook: message_template_status_update (APPROVED, REJECTED,
// PAUSED, DISABLED, FLAGGED, … with a reason), template_category_update (a change made, or one
// announced with the category Meta will set and when) and message_template_quality_update.
// Each change becomes one `template` event with the entry's time, so a late or repeated
// delivery can be told from a newer one when it is applied (lib/templates/apply-events.ts).
import { z } from "zod";
import { findUnstorableText, firstIssue, ZUnixSecondsNumber } from "@/lib/whatsapp/webhook-fields";

export const TEMPLATE_FIELDS = ["message_template_status_update", "template_category_update", "message_template_quality_update"] as const;

export type TTemplateWebhookEvent = {
  type: "template";
  change: "status" | "category" | "quality";
  metaId?: string;
  name: string;
  language: string;
  /** When Meta says it happened (the entry's `time`); null when the entry has none. */
  at: Date | null;
  /** status: Meta's event; category: the category now (or, announced, the one to come); quality: the new score. */
  value: string;
  reason?: string;
  /** category: the category before the change. */
  previousCategory?: string;
  /** category: Meta announced the change for this time; it has not happened yet. */
  upcomingAt?: Date;
  /** status: the category Meta listed with the event. */
  category?: string;
};

const ZId = z.union([z.string().min(1), z.number()]).transform(String);
const ZName = z.string().min(1).max(512);
const ZText = z.string().max(2_000);

const ZCommon = { message_template_id: ZId.optional(), message_template_name: ZName, message_template_language: z.string().min(2).max(20) };
const ZStatus = z.looseObject({ ...ZCommon, event: z.string().min(1).max(64), reason: ZText.nullish(), message_template_category: z.string().max(64).optional() });
const ZCategory = z.looseObject({
  ...ZCommon,
  new_category: z.string().min(1).max(64).optional(),
  previous_category: z.string().min(1).max(64).optional(),
  correct_category: z.string().min(1).max(64).optional(),
  category_update_timestamp: ZUnixSecondsNumber.optional(),
});
const ZQuality = z.looseObject({ ...ZCommon, new_quality_score: z.string().min(1).max(32), previous_quality_score: z.string().max(32).optional() });

export type TTemplateParse = { ok: true; event: TTemplateWebhookEvent } | { ok: false; reason: string };

/** One template change, with the time of the entry it came in (Unix seconds), or why it does not fit. */
export function parseTemplateChange(field: (typeof TEMPLATE_FIELDS)[number], value: unknown, entryTime: unknown): TTemplateParse {
  const unstorable = findUnstorableText(value);
  if (unstorable) return { ok: false, reason: `${field} ${unstorable}` };
  const time = ZUnixSecondsNumber.safeParse(entryTime);
  const at = time.success ? time.data : null;
  const common = (data: { message_template_id?: string; message_template_name: string; message_template_language: string }) => ({
    type: "template" as const,
    metaId: data.message_template_id,
    name: data.message_template_name,
    language: data.message_template_language,
    at,
  });
  if (field === "message_template_status_update") {
    const parsed = ZStatus.safeParse(value);
    if (!parsed.success) return { ok: false, reason: `${field} ${firstIssue(parsed.error)}` };
    const data = parsed.data;
    return { ok: true, event: { ...common(data), change: "status", value: data.event.toUpperCase(), reason: data.reason ?? undefined, category: data.message_template_category } };
  }
  if (field === "template_category_update") {
    const parsed = ZCategory.safeParse(value);
    if (!parsed.success) return { ok: false, reason: `${field} ${firstIssue(parsed.error)}` };
    const data = parsed.data;
    // An announcement names the category to come (correct_category) and when; a change made
    // names the previous one.
    if (data.correct_category) {
      return { ok: true, event: { ...common(data), change: "category", value: data.correct_category, upcomingAt: data.category_update_timestamp } };
    }
    if (!data.new_category) return { ok: false, reason: `${field} new_category: missing` };
    return { ok: true, event: { ...common(data), change: "category", value: data.new_category, previousCategory: data.previous_category } };
  }
  const parsed = ZQuality.safeParse(value);
  if (!parsed.success) return { ok: false, reason: `${field} ${firstIssue(parsed.error)}` };
  return { ok: true, event: { ...common(parsed.data), change: "quality", value: parsed.data.new_quality_score } };
}

export function isTemplateField(field: string): field is (typeof TEMPLATE_FIELDS)[number] {
  return (TEMPLATE_FIELDS as readonly string[]).includes(field);
}

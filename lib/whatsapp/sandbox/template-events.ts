// The template webhooks the sandbox posts when a test (or an admin in sandbox mode) changes one of
// its templates, shaped as Meta's: message_template_status_update with the event and reason,
// template_category_update with the previous and new category. `time` is the entry's Unix
// seconds, which the app orders late deliveries by.
import type { TMessageTemplate, TWebhookEnvelope } from "@/lib/whatsapp/types";
import type { TTemplateLibrary } from "@/lib/whatsapp/sandbox/templates";
import { accountFieldEnvelope, type TWebhookDelivery } from "@/lib/whatsapp/sandbox/webhooks";

const templateIds = (template: TMessageTemplate) => ({
  message_template_id: Number(template.id ?? 0),
  message_template_name: template.name,
  message_template_language: template.language,
});

export function templateStatusEnvelope(wabaId: string, template: TMessageTemplate, event: string, reason: string | null, at: Date): TWebhookEnvelope {
  return accountFieldEnvelope(wabaId, at, "message_template_status_update", {
    event,
    ...templateIds(template),
    reason: reason ?? "NONE",
    message_template_category: template.category ?? "UTILITY",
    ...(event === "DISABLED" ? { disable_info: { disable_date: String(Math.floor(at.getTime() / 1000)) } } : {}),
  });
}

function templateCategoryEnvelope(wabaId: string, template: TMessageTemplate, previousCategory: string, at: Date): TWebhookEnvelope {
  return accountFieldEnvelope(wabaId, at, "template_category_update", { ...templateIds(template), previous_category: previousCategory, new_category: template.category });
}

type TControlsInput = {
  library: TTemplateLibrary;
  wabaId: string;
  /** Posts one signed webhook to the app (and records it). */
  post: (payload: unknown) => Promise<TWebhookDelivery>;
};

/**
 * What Meta does to a template, on demand: the library changes (so the list and sends see it)
 * and the webhook is posted. `at` dates the change (default now), for tests of late deliveries.
 */
export function createTemplateControls({ library, wabaId, post }: TControlsInput) {
  return {
    /** The sandbox's templates as they are now. */
    templates: () => library.list(),
    /** APPROVED, PAUSED, REJECTED, DISABLED, FLAGGED…; DELETED removes it from the list. */
    async setTemplateStatus(input: { name: string; language: string; event: string; reason?: string | null; at?: Date }): Promise<TWebhookDelivery> {
      const status = input.event === "REINSTATED" ? "APPROVED" : input.event;
      const before = input.event === "DELETED" ? library.find(input.name, input.language) : library.update(input.name, input.language, { status });
      if (!before) throw new Error(`The sandbox has no template ${input.name} (${input.language}).`);
      if (input.event === "DELETED") library.remove(input.name, input.language);
      return post(templateStatusEnvelope(wabaId, before, input.event, input.reason ?? null, input.at ?? new Date()));
    },
    /** Meta re-categorises a template (say UTILITY → MARKETING). */
    async setTemplateCategory(input: { name: string; language: string; category: string; at?: Date }): Promise<TWebhookDelivery> {
      const before = library.update(input.name, input.language, { category: input.category });
      const after = library.find(input.name, input.language)!;
      return post(templateCategoryEnvelope(wabaId, after, before.category ?? "UTILITY", input.at ?? new Date()));
    },
    /** A template made in WhatsApp Manager (it shows in the next sync; no webhook until reviewed). */
    addTemplate: (template: TMessageTemplate) => library.add(template),
  };
}

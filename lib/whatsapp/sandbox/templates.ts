// The sandbox's template library: what every new WhatsApp Business Account has (hello_world),
// the templates this business sends, and one PAUSED and one REJECTED to try those errors with.
// All positional; quote_ready also has a URL button whose end is a parameter (the accept link).
//
//   hello_world     en_US  APPROVED  UTILITY    no parameters
//   quote_ready     en     APPROVED  UTILITY    {{1}} customer's name, {{2}} quote number, {{3}} amount;
//                                                 URL button "View quote" https://ssg.example/{{1}} (q/<token>)
//   quote_received  en     APPROVED  UTILITY    {{1}} name, {{2}} quote number
//   order_update    en     APPROVED  UTILITY    {{1}} name, {{2}} order number, {{3}} new state
//   holiday_promo   en     PAUSED    MARKETING  {{1}} name                 (send → 132015)
//   spam_offer      en     REJECTED  MARKETING  no parameters              (send → 132001)
//   delivery_slot   en     APPROVED  UTILITY    NAMED: {{first_name}}, {{order_number}}, {{slot}}
//   sample_purchase_feedback en_US APPROVED MARKETING  Meta's sample: never for a customer
//
// Each sandbox has its own copy (createTemplateLibrary): a test can pause a template or change its
// category, and the sandbox posts the webhook Meta would (./template-events.ts).
import type { TMessageTemplate } from "@/lib/whatsapp/types";
import { countPlaceholders } from "@/lib/whatsapp/template-placeholders";

export const SANDBOX_TEMPLATES: readonly TMessageTemplate[] = [
  {
    id: "910000000000001",
    name: "hello_world",
    language: "en_US",
    status: "APPROVED",
    category: "UTILITY",
    parameter_format: "POSITIONAL",
    components: [
      { type: "HEADER", format: "TEXT", text: "Hello World" },
      { type: "BODY", text: "Welcome and congratulations!! This message demonstrates your ability to send a WhatsApp message notification from the Cloud API, hosted by Meta. Thank you for taking the time to test with us." },
      { type: "FOOTER", text: "WhatsApp Business Platform sample message" },
    ],
  },
  {
    id: "910000000000002",
    name: "quote_ready",
    language: "en",
    status: "APPROVED",
    category: "UTILITY",
    parameter_format: "POSITIONAL",
    components: [
      { type: "BODY", text: "Hi {{1}}, your quote {{2}} is ready: {{3}}. Tap below to accept or decline it, or reply with any questions." },
      { type: "BUTTONS", buttons: [{ type: "URL", text: "View quote", url: "https://ssg.example/{{1}}" }] },
    ],
  },
  {
    id: "910000000000003",
    name: "quote_received",
    language: "en",
    status: "APPROVED",
    category: "UTILITY",
    parameter_format: "POSITIONAL",
    components: [{ type: "BODY", text: "Hi {{1}}, thank you for your quote request {{2}}. We will get back to you soon." }],
  },
  {
    id: "910000000000004",
    name: "order_update",
    language: "en",
    status: "APPROVED",
    category: "UTILITY",
    parameter_format: "POSITIONAL",
    components: [{ type: "BODY", text: "Hi {{1}}, your order {{2}} is now {{3}}." }],
  },
  {
    id: "910000000000005",
    name: "holiday_promo",
    language: "en",
    status: "PAUSED",
    category: "MARKETING",
    parameter_format: "POSITIONAL",
    components: [{ type: "BODY", text: "Season's greetings, {{1}}! Our holiday hampers are back." }],
  },
  {
    id: "910000000000006",
    name: "spam_offer",
    language: "en",
    status: "REJECTED",
    category: "MARKETING",
    parameter_format: "POSITIONAL",
    components: [{ type: "BODY", text: "Win a prize now!" }],
  },
  {
    id: "910000000000007",
    name: "delivery_slot",
    language: "en",
    status: "APPROVED",
    category: "UTILITY",
    parameter_format: "NAMED",
    components: [{ type: "BODY", text: "Hi {{first_name}}, order {{order_number}} will be delivered {{slot}}. Reply if that time does not suit you." }],
  },
  {
    id: "910000000000008",
    name: "sample_purchase_feedback",
    language: "en_US",
    status: "APPROVED",
    category: "MARKETING",
    parameter_format: "POSITIONAL",
    components: [
      { type: "HEADER", format: "TEXT", text: "Thank you for your purchase!" },
      { type: "BODY", text: "Thank you for purchasing {{1}}! We value your feedback and would like to learn more about your experience." },
    ],
  },
];

/** How many parameters each part of the template takes, as Meta counts them on a send. */
export function expectedParameters(template: TMessageTemplate): { header: number; body: number; button: number } {
  const part = (type: string) => template.components?.find((component) => component.type === type);
  const header = part("HEADER");
  const urlButtons = part("BUTTONS")?.buttons?.filter((button) => button.type === "URL" && countPlaceholders(button.url) > 0) ?? [];
  return {
    header: header?.format === "TEXT" || header?.format === undefined ? countPlaceholders(header?.text) : 1,
    body: countPlaceholders(part("BODY")?.text),
    button: urlButtons.length,
  };
}

export function findTemplate(name: unknown, language: unknown, templates: readonly TMessageTemplate[] = SANDBOX_TEMPLATES): TMessageTemplate | undefined {
  return templates.find((template) => template.name === name && template.language === language);
}

/** A sandbox's own templates, changeable as Meta changes them (status, category, removal). */
export function createTemplateLibrary(initial: readonly TMessageTemplate[] = SANDBOX_TEMPLATES) {
  let templates = initial.map((template) => ({ ...template }));
  const indexOf = (name: string, language: string) => {
    const index = templates.findIndex((template) => template.name === name && template.language === language);
    if (index < 0) throw new Error(`The sandbox has no template ${name} (${language}).`);
    return index;
  };
  return {
    list: (): readonly TMessageTemplate[] => templates,
    find: (name: unknown, language: unknown) => findTemplate(name, language, templates),
    /** Changes one template; returns it as it was before. */
    update(name: string, language: string, change: Partial<TMessageTemplate>): TMessageTemplate {
      const index = indexOf(name, language);
      const before = templates[index]!;
      templates = templates.map((template, position) => (position === index ? { ...template, ...change } : template));
      return before;
    },
    add(template: TMessageTemplate) {
      templates = [...templates.filter((other) => other.name !== template.name || other.language !== template.language), template];
    },
    remove(name: string, language: string) {
      const index = indexOf(name, language);
      templates = templates.filter((_, position) => position !== index);
    },
    reset() {
      templates = initial.map((template) => ({ ...template }));
    },
  };
}

export type TTemplateLibrary = ReturnType<typeof createTemplateLibrary>;

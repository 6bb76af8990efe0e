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

export function findTemplate(name: unknown, language: unknown): TMessageTemplate | undefined {
  return SANDBOX_TEMPLATES.find((template) => template.name === name && template.language === language);
}

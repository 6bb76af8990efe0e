import type { TMessageTemplate } from "@/lib/whatsapp/types";

// The sandbox's template library: what a new WhatsApp Business Account has (hello_world) plus the
// templates this business uses, and one paused and one rejected to try those errors with.
export const SANDBOX_TEMPLATES: TMessageTemplate[] = [
  { id: "t-1", name: "hello_world", language: "en_US", status: "APPROVED", category: "UTILITY", parameter_format: "POSITIONAL", components: [{ type: "BODY", text: "Hello World" }] },
  {
    id: "t-2",
    name: "quote_ready",
    language: "en",
    status: "APPROVED",
    category: "UTILITY",
    parameter_format: "POSITIONAL",
    components: [{ type: "BODY", text: "Hi {{1}}, your quote {{2}} is ready: {{3}}. Reply to this message with any questions." }],
  },
  {
    id: "t-3",
    name: "quote_received",
    language: "en",
    status: "APPROVED",
    category: "UTILITY",
    parameter_format: "POSITIONAL",
    components: [{ type: "BODY", text: "Hi {{1}}, thank you for your quote request {{2}}. We will get back to you soon." }],
  },
  {
    id: "t-4",
    name: "order_update",
    language: "en",
    status: "APPROVED",
    category: "UTILITY",
    parameter_format: "POSITIONAL",
    components: [{ type: "BODY", text: "Hi {{1}}, your order {{2}} is now {{3}}." }],
  },
  { id: "t-5", name: "holiday_promo", language: "en", status: "PAUSED", category: "MARKETING", components: [{ type: "BODY", text: "Season's greetings, {{1}}!" }] },
  { id: "t-6", name: "spam_offer", language: "en", status: "REJECTED", category: "MARKETING", components: [{ type: "BODY", text: "Win a prize!" }] },
];

export function templateParameterCount(template: TMessageTemplate): number {
  const body = template.components?.find((component) => component.type === "BODY")?.text ?? "";
  return new Set([...body.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1])).size;
}

// What each automatic message says on a fresh installation. The WhatsApp templates named here
// are the ones the sandbox has approved; on a live number an admin picks the account's own on
// the settings page. quote.declined has no template on purpose: outside the 24-hour window it
// goes by email, and the admin sees why.
import type { TNotificationEvent } from "@/lib/notifications/events";
import type { TNotificationField } from "@/lib/notifications/fields";

export type TNotificationSettingValue = {
  event: TNotificationEvent;
  enabled: boolean;
  templateName: string | null;
  templateLanguage: string | null;
  templateParams: TNotificationField[];
  templateButtonParam: TNotificationField | null;
  emailSubject: string;
  body: string;
};

const orderUpdate = (event: TNotificationEvent, subject: string, line: string): TNotificationSettingValue => ({
  event,
  enabled: true,
  templateName: "order_update",
  templateLanguage: "en",
  templateParams: ["customer.firstName", "order.number", "order.status"],
  templateButtonParam: null,
  emailSubject: subject,
  body: `Hi {{customer.firstName}},\n\n${line}\n\nThank you,\n{{business.name}}`,
});

export const DEFAULT_NOTIFICATION_SETTINGS: Record<TNotificationEvent, TNotificationSettingValue> = {
  "quote.received": {
    event: "quote.received",
    enabled: true,
    templateName: "quote_received",
    templateLanguage: "en",
    templateParams: ["customer.firstName", "quote.number"],
    templateButtonParam: null,
    emailSubject: "We received your quote request {{quote.number}}",
    body: "Hi {{customer.firstName}},\n\nThank you for asking us for a quote ({{quote.number}}: {{quote.occasion}}). We will get back to you soon.\n\n{{business.name}}",
  },
  "quote.answered": {
    event: "quote.answered",
    enabled: true,
    templateName: "quote_ready",
    templateLanguage: "en",
    templateParams: ["customer.firstName", "quote.number", "quote.amount"],
    templateButtonParam: "quote.linkPath",
    emailSubject: "Your quote {{quote.number}}: {{quote.amount}}",
    body: "Hi {{customer.firstName}},\n\nYour quote {{quote.number}} for {{quote.occasion}} is ready: {{quote.amount}}.\n\n{{quote.message}}\n\nAccept or decline it here (valid until {{quote.validUntil}}): {{quote.link}}\n\n{{business.name}}",
  },
  "quote.accepted": {
    event: "quote.accepted",
    enabled: true,
    templateName: "order_update",
    templateLanguage: "en",
    templateParams: ["customer.firstName", "order.number", "order.status"],
    templateButtonParam: null,
    emailSubject: "Order {{order.number}} confirmed",
    body: "Hi {{customer.firstName}},\n\nThank you for accepting quote {{quote.number}}. Your order {{order.number}} ({{order.total}}) is confirmed; we will let you know as it progresses.\n\n{{business.name}}",
  },
  "quote.declined": {
    event: "quote.declined",
    enabled: true,
    templateName: null,
    templateLanguage: null,
    templateParams: [],
    templateButtonParam: null,
    emailSubject: "Quote {{quote.number}} declined",
    body: "Hi {{customer.firstName}},\n\nWe have noted that you declined quote {{quote.number}}. If anything changes, just ask us for a new quote.\n\n{{business.name}}",
  },
  "order.in_production": orderUpdate("order.in_production", "Order {{order.number}} is being made", "We have started making your order {{order.number}}."),
  "order.ready": orderUpdate("order.ready", "Order {{order.number}} is ready", "Your order {{order.number}} is ready. Delivery: {{order.deliveryDate}}."),
  "order.out_for_delivery": orderUpdate("order.out_for_delivery", "Order {{order.number}} is on its way", "Your order {{order.number}} is out for delivery today."),
  "order.delivered": orderUpdate("order.delivered", "Order {{order.number}} delivered", "Your order {{order.number}} has been delivered. We hope you love it!"),
  "order.cancelled": orderUpdate("order.cancelled", "Order {{order.number}} cancelled", "Your order {{order.number}} has been cancelled. Contact us if this is unexpected."),
};

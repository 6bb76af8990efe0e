// What an event's (possibly unsaved) setting would send for a real quote or order, on every
// channel, built with the dispatcher's own compose functions so the preview is what the customer
// gets. Reads only: nothing is queued or sent.
import { db as defaultDb, type TDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { composeEmail, composeWhatsAppTemplate, composeWhatsAppText } from "@/lib/notifications/compose";
import type { TNotificationSettingValue } from "@/lib/notifications/defaults";
import { eventSubject } from "@/lib/notifications/events";
import { fieldValues, type TFieldValues } from "@/lib/notifications/fields";
import { withSamples } from "@/lib/notifications/preview-samples";
import { chooseChannel } from "@/lib/outbox/channel";
import { acceptLinkFor } from "@/lib/quotes/accept-link";
import { CUSTOMER_CONTACT_SELECT, recipientFor } from "@/lib/customers/recipient";

export type TPreviewTarget = { quoteId?: string | null; orderId?: string | null };

export type TNotificationPreview = {
  record: { kind: "quote" | "order"; number: string; customerName: string };
  /** Where the dispatcher would send it to this customer right now, and why not the preferred channel. */
  route: { channel: "whatsapp" | "email" | null; detail: string };
  whatsappText: { body: string };
  whatsappTemplate: { name: string; language: string; parameters: string[]; buttonUrlParameter: string | null } | null;
  email: { subject: string; text: string; html: string };
  /** Fields the setting uses that this record has no value for: shown as marked samples here, sent as "" or "-". */
  missing: string[];
};

const customerSelect = CUSTOMER_CONTACT_SELECT;


/**
 * Loads the record and what the dispatcher would have beside it. The events carry different ids
 * (lib/quotes/commands.ts, lib/orders/commands.ts): order events only the order, quote.accepted
 * the quote and its new order, other quote events only the quote. Either id may be picked; the
 * other record is reached through the quote–order link.
 */
async function loadSource(client: TDb, event: TNotificationSettingValue["event"], target: TPreviewTarget) {
  const order = target.orderId
    ? await client.order.findUnique({ where: { id: target.orderId }, include: { quote: true, customer: { select: customerSelect } } })
    : null;
  const quote = target.quoteId
    ? await client.quote.findUnique({ where: { id: target.quoteId }, include: { order: true, customer: { select: customerSelect } } })
    : null;
  if (!order && !quote) throw new AppError("not_found", "That quote or order no longer exists. Choose another one.");
  const theQuote = quote ?? order?.quote ?? null;
  // The dispatcher's own rule: a quote's (and its order's) messages go where the quote was asked from.
  const customer = recipientFor((order ?? quote)!.customer, theQuote);
  const theOrder = order ?? quote?.order ?? null;
  const subject = eventSubject(event);
  const usesQuote = subject === "quote";
  const usesOrder = subject === "order" || event === "quote.accepted";
  return {
    record: order
      ? { kind: "order" as const, number: order.number, customerName: customer.name }
      : { kind: "quote" as const, number: quote!.number, customerName: customer.name },
    customer,
    quote: usesQuote ? theQuote : null,
    order: usesOrder ? theOrder : null,
  };
}

export async function previewNotification(
  setting: TNotificationSettingValue,
  target: TPreviewTarget,
  options: { db?: TDb; now?: Date } = {},
): Promise<TNotificationPreview> {
  const now = options.now ?? new Date();
  const source = await loadSource(options.db ?? defaultDb, setting.event, target);
  const recordValues = fieldValues({ customer: source.customer, quote: source.quote, order: source.order, acceptLink: acceptLinkFor(source.quote, now) });
  const missing = missingFields(setting, recordValues);
  // What the record cannot fill is shown as a marked sample, never as a blank ("is ready: .").
  const values = withSamples(recordValues, missing);

  const text = composeWhatsAppText(setting, values);
  const template = setting.templateName ? composeWhatsAppTemplate(setting, values) : null;
  const email = composeEmail(setting, values);
  const choice = chooseChannel({ customer: source.customer, event: setting.event, templateName: setting.templateName, now });

  return {
    record: source.record,
    route:
      choice.channel === null
        ? { channel: null, detail: choice.reason }
        : {
            channel: choice.channel,
            detail: [
              choice.channel === "email" ? "By email." : choice.mode === "text" ? "On WhatsApp as free text (the customer wrote in the last 24 hours)." : "On WhatsApp with the template.",
              choice.fallbackReason,
            ]
              .filter(Boolean)
              .join(" "),
          },
    whatsappText: { body: text.kind === "text" ? text.body : "" },
    whatsappTemplate:
      template?.kind === "template"
        ? { name: template.templateName, language: template.language, parameters: template.parameters, buttonUrlParameter: template.buttonUrlParameter ?? null }
        : null,
    email: email.kind === "email" ? email.email : { subject: "", text: "", html: "" },
    missing,
  };
}

/** The fields the setting uses, on any channel, that these values cannot fill. */
function missingFields(setting: TNotificationSettingValue, values: TFieldValues): string[] {
  const text = composeWhatsAppText(setting, values);
  const template = setting.templateName ? composeWhatsAppTemplate(setting, values) : null;
  const email = composeEmail(setting, values);
  return [...new Set([...text.missing, ...(template?.missing ?? []), ...email.missing])];
}

export type TPreviewRecord = { kind: "quote" | "order"; id: string; number: string; customerName: string; status: string };

/** The newest quotes and orders, to preview a message with. */
export async function listPreviewRecords(take = 20, client: TDb = defaultDb): Promise<{ quotes: TPreviewRecord[]; orders: TPreviewRecord[] }> {
  const [quotes, orders] = await Promise.all([
    client.quote.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take, select: { id: true, number: true, status: true, customer: { select: { name: true } } } }),
    client.order.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take, select: { id: true, number: true, status: true, customer: { select: { name: true } } } }),
  ]);
  const shape = (kind: "quote" | "order") => (row: { id: string; number: string; status: string; customer: { name: string } }) => ({
    kind,
    id: row.id,
    number: row.number,
    customerName: row.customer.name,
    status: row.status,
  });
  return { quotes: quotes.map(shape("quote")), orders: orders.map(shape("order")) };
}

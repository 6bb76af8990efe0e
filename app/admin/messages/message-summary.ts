// How one message is named on the audit pages: what it said, who sent it and why. Server and
// client safe (plain functions of the row).
import { eventLabel } from "@/lib/notifications/events";

type TSummarySource = {
  direction: string;
  origin: string;
  event: string | null;
  kind: string;
  subject: string | null;
  body: string | null;
  templateName: string | null;
  sentBy: { name: string } | null;
};

/** One line for the message itself: the email's subject, the template's name or the text. */
export function messageHeadline(message: TSummarySource): string {
  if (message.subject) return message.subject;
  if (message.templateName) return `Template ${message.templateName}`;
  if (message.body) return message.body;
  return message.kind === "text" ? "(empty message)" : `(${message.kind})`;
}

/** Who or what sent it: the customer, an admin by name, or the automatic event. */
export function messageSender(message: TSummarySource): string {
  if (message.direction === "inbound") return "Customer";
  if (message.event) return `Automatic: ${eventLabel(message.event)}`;
  if (message.sentBy) return message.sentBy.name;
  return message.origin === "admin" ? "An admin" : message.origin;
}

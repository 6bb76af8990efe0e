// The business's email: one plain-text body turned into a branded HTML mail and its plain-text
// twin. Paragraphs are separated by blank lines; links become buttons only when passed as the
// action, so a customer's text can never inject markup.
import "server-only";
import { appUrl, env } from "@/lib/env";

export type TEmailContent = { subject: string; text: string; html: string };
export type TEmailAction = { label: string; url: string };
/** The business as its mails show it; the logo is an absolute URL (public/logo.png), as mail clients need. */
export type TEmailBrand = { name: string; color: string; logoUrl?: string; contact?: { email?: string; phone?: string } };

const DEFAULT_BRAND: TEmailBrand = {
  name: env.BUSINESS_NAME,
  color: env.BUSINESS_BRAND_COLOR,
  logoUrl: `${appUrl}/logo.png`,
  contact: { email: env.BUSINESS_EMAIL, phone: env.BUSINESS_PHONE },
};

/** "Questions? Reply to this email or call +27 21 123 4567." when the business has said how. */
function contactLine(contact: TEmailBrand["contact"]): string {
  if (!contact?.email && !contact?.phone) return "";
  const ways = [contact.email ? "reply to this email" : "", contact.phone ? `call ${contact.phone}` : ""].filter(Boolean).join(" or ");
  return `Questions? Just ${ways}.`;
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);

// A sentence's closing punctuation after a link is not part of it ("...here: https://x/q/abc.").
const URL_PATTERN = /(https?:\/\/[^\s<]*[^\s<.,;:!?)'"])/g;

/** Escapes a paragraph and turns the links in it into anchors. */
function paragraphHtml(paragraph: string, color: string): string {
  const parts = paragraph.split(URL_PATTERN).map((part, index) =>
    index % 2 === 1 ? `<a href="${escapeHtml(part)}" style="color:${color}">${escapeHtml(part)}</a>` : escapeHtml(part).replace(/\n/g, "<br>"),
  );
  return `<p style="margin:0 0 16px;line-height:1.5">${parts.join("")}</p>`;
}

export function renderEmail(input: { subject: string; body: string; action?: TEmailAction }, brand: TEmailBrand = DEFAULT_BRAND): TEmailContent {
  const paragraphs = input.body.trim().split(/\n\s*\n/).map((paragraph) => paragraph.trim()).filter(Boolean);
  const button = input.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(input.action.url)}" style="background:${brand.color};color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600;display:inline-block">${escapeHtml(input.action.label)}</a></p>`
    : "";
  // The name beside the logo says who it is: the image itself is decoration (alt="").
  const logo = brand.logoUrl
    ? `<img src="${escapeHtml(brand.logoUrl)}" width="40" height="40" alt="" style="vertical-align:middle;border:0;border-radius:8px;margin-right:10px">`
    : "";
  const contact = contactLine(brand.contact);
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(input.subject)}</title></head>
<body style="margin:0;background:#f8fafc;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#0f172a">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:8px;border-top:4px solid ${brand.color}">
<tr><td style="padding:24px 24px 8px;font-size:18px;font-weight:700;color:${brand.color}">${logo}${escapeHtml(brand.name)}</td></tr>
<tr><td style="padding:8px 24px 24px;font-size:15px">${paragraphs.map((paragraph) => paragraphHtml(paragraph, brand.color)).join("\n")}${button}${contact ? `<p style="margin:16px 0 0;color:#475569;font-size:13px">${escapeHtml(contact)}</p>` : ""}</td></tr>
</table></td></tr></table></body></html>`;
  const text = [paragraphs.join("\n\n"), input.action ? `${input.action.label}: ${input.action.url}` : "", contact, `— ${brand.name}`].filter(Boolean).join("\n\n");
  return { subject: input.subject, text, html };
}

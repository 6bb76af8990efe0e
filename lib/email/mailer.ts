// Sends email with nodemailer: to a real SMTP server (SMTP_URL, pooled connections) or, without
// one, to the built-in catcher that keeps each mail in the database for the admin to read. Both
// build the same MIME message, so a mail that the catcher took would have been valid over SMTP.
import "server-only";
import nodemailer from "nodemailer";
import type { TEmailConfig, TEmailSender } from "@/lib/env";

export type TOutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Set by the caller (without <>), so the audit log knows it before the server answers. */
  messageId: string;
  /** Our message id, for finding the mail again in a mailbox or a test listener. */
  reference: string;
};

export type TSentMail = { messageId: string; response: string };

export type TMailer = { mode: "smtp" | "catcher"; send(mail: TOutgoingMail): Promise<TSentMail>; close(): void };

export type TCaughtMail = { messageId: string; from: string; replyTo: string | null; to: string; subject: string; text: string; html: string };

const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

function smtpOptions(url: string) {
  const parsed = new URL(url);
  const secure = parsed.protocol === "smtps:";
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
    secure,
    auth: parsed.username ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } : undefined,
    // Tests and local relays listen on loopback without a certificate.
    ignoreTLS: parsed.searchParams.get("ignoreTLS") === "true",
    tls: parsed.searchParams.get("rejectUnauthorized") === "false" ? { rejectUnauthorized: false } : undefined,
    // One connection per mail costs a greeting each time; a pool keeps a few open.
    pool: true,
    maxConnections: 3,
    ...TIMEOUTS,
  };
}

function envelope(mail: TOutgoingMail, sender: TEmailSender) {
  return {
    from: sender.from,
    // A customer's "Reply" reaches the business even when the mail comes from a relay's address.
    ...(sender.replyTo ? { replyTo: sender.replyTo } : {}),
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: `<${mail.messageId}>`,
    headers: { "X-SSG-Message": mail.reference },
  };
}

export function createSmtpMailer(url: string, from: string, replyTo: string | null = null): TMailer {
  const transport = nodemailer.createTransport(smtpOptions(url));
  return {
    mode: "smtp",
    async send(mail) {
      const info = await transport.sendMail(envelope(mail, { from, replyTo }));
      return { messageId: mail.messageId, response: String(info.response ?? "") };
    },
    close: () => transport.close(),
  };
}

/** Builds the mail as SMTP would and hands it to `keep` instead of a server. */
export function createCatcherMailer(sender: TEmailSender, keep: (mail: TCaughtMail) => Promise<void>): TMailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    mode: "catcher",
    async send(mail) {
      await transport.sendMail(envelope(mail, sender));
      await keep({ messageId: mail.messageId, from: sender.from, replyTo: sender.replyTo, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
      return { messageId: mail.messageId, response: "250 Kept by the built-in mail catcher (SMTP_URL is not set)" };
    },
    close: () => transport.close(),
  };
}

export function createMailer(config: TEmailConfig, keep: (mail: TCaughtMail) => Promise<void>): TMailer {
  return config.mode === "smtp" ? createSmtpMailer(config.url, config.from, config.replyTo) : createCatcherMailer(config, keep);
}

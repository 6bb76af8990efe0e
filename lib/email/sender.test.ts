// Emails come from the business (BUSINESS_EMAIL), and a customer's "Reply" reaches it, over real
// SMTP (a listener on loopback) and in the built-in catcher alike.
import { afterAll, describe, expect, it } from "vitest";
import { emailConfigFrom, parseEnv } from "@/lib/env";
import { createCatcherMailer, createSmtpMailer, type TCaughtMail } from "@/lib/email/mailer";
import { startSmtpListener } from "@/test/smtp-listener";

const closers: (() => unknown)[] = [];
afterAll(async () => {
  // Mailers first: the listener waits for their pooled connections to end.
  for (const close of closers.reverse()) await close();
});

const mail = { to: "ann@example.com", subject: "Your quote", text: "Hi", html: "<p>Hi</p>", messageId: "m-1@ssg.test", reference: "m-1" };

describe("who an email is from", () => {
  it("is the business's address, under its name, with the same address to reply to", () => {
    const env = parseEnv({ BUSINESS_NAME: "Snow Spoiled Gifts", BUSINESS_EMAIL: "hello@snowspoiled.example" });
    expect(emailConfigFrom(env, "https://admin.snowspoiled.example")).toEqual({
      mode: "catcher",
      from: `"Snow Spoiled Gifts" <hello@snowspoiled.example>`,
      replyTo: "hello@snowspoiled.example",
    });
  });

  it("keeps a relay's own sender (SMTP_FROM) and still sends replies to the business", () => {
    const env = parseEnv({ BUSINESS_EMAIL: "hello@shop.example", SMTP_FROM: "Shop <relay@mailer.example>", SMTP_URL: "smtp://mail.example:587" });
    expect(emailConfigFrom(env, "https://x.example")).toMatchObject({ mode: "smtp", from: "Shop <relay@mailer.example>", replyTo: "hello@shop.example" });
  });

  it("falls back to no-reply at the app's host, with no Reply-To, when the business has no address", () => {
    const env = parseEnv({ BUSINESS_NAME: `Smith, "Jones" & Co` });
    expect(emailConfigFrom(env, "https://admin.shop.example")).toEqual({ mode: "catcher", from: `"Smith, \\"Jones\\" & Co" <no-reply@admin.shop.example>`, replyTo: null });
  });

  it("refuses a BUSINESS_EMAIL or BUSINESS_PHONE that is not one, naming it", () => {
    expect(() => parseEnv({ BUSINESS_EMAIL: "hello at shop" })).toThrow(/BUSINESS_EMAIL: must be an email address/);
    expect(() => parseEnv({ BUSINESS_PHONE: "call us" })).toThrow(/BUSINESS_PHONE: must be a phone number/);
    expect(parseEnv({ BUSINESS_PHONE: "+27 (21) 555-0100" }).BUSINESS_PHONE).toBe("+27 (21) 555-0100");
  });
});

describe("the mail as sent", () => {
  it("carries From and Reply-To to a real SMTP server", async () => {
    const smtp = await startSmtpListener();
    closers.push(smtp.close);
    const mailer = createSmtpMailer(smtp.url, `"Snow Spoiled Gifts" <hello@snowspoiled.example>`, "hello@snowspoiled.example");
    closers.push(() => mailer.close());
    await mailer.send(mail);
    expect(smtp.mails).toMatchObject([{ from: `"Snow Spoiled Gifts" <hello@snowspoiled.example>`, replyTo: "hello@snowspoiled.example", subject: "Your quote" }]);
  });

  it("has no Reply-To without one", async () => {
    const smtp = await startSmtpListener();
    closers.push(smtp.close);
    const mailer = createSmtpMailer(smtp.url, "Shop <no-reply@shop.example>");
    closers.push(() => mailer.close());
    await mailer.send(mail);
    expect(smtp.mails[0]?.replyTo).toBe("");
  });

  it("is kept by the catcher with its Reply-To", async () => {
    const kept: TCaughtMail[] = [];
    const mailer = createCatcherMailer({ from: "Shop <hello@shop.example>", replyTo: "hello@shop.example" }, async (caught) => {
      kept.push(caught);
    });
    await mailer.send(mail);
    expect(kept).toMatchObject([{ from: "Shop <hello@shop.example>", replyTo: "hello@shop.example", to: "ann@example.com", messageId: "m-1@ssg.test" }]);
  });
});

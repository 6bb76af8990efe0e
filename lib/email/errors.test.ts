import { describe, expect, it } from "vitest";
import { describeEmailError } from "@/lib/email/errors";

function smtpError(fields: { code?: string; responseCode?: number; response?: string; message?: string }) {
  return Object.assign(new Error(fields.message ?? "smtp failure"), fields);
}

describe("describeEmailError", () => {
  it("treats refused credentials as permanent, even with a 5xx or 4xx answer", () => {
    for (const responseCode of [undefined, 535, 454]) {
      const failure = describeEmailError(smtpError({ code: "EAUTH", responseCode, response: "535 5.7.8 Authentication failed" }));
      expect(failure).toMatchObject({ code: "EAUTH", retryable: false, title: "The mail server refused the login", response: "535 5.7.8 Authentication failed" });
      expect(failure.action).toContain("SMTP_URL");
    }
  });

  it("treats a 5xx answer as permanent, keeping the server's answer", () => {
    for (const responseCode of [500, 550, 554]) {
      const failure = describeEmailError(smtpError({ code: "EMESSAGE", responseCode, response: `${responseCode} 5.1.1 No such user` }));
      expect(failure).toMatchObject({ code: String(responseCode), retryable: false, title: "The mail server refused this email", response: `${responseCode} 5.1.1 No such user` });
    }
  });

  it("treats a 4xx answer as temporary", () => {
    for (const responseCode of [421, 450, 451, 452, 499]) {
      expect(describeEmailError(smtpError({ code: "EMESSAGE", responseCode, response: "try later" }))).toMatchObject({
        code: String(responseCode),
        retryable: true,
        title: "The mail server asked to try later",
      });
    }
  });

  it("lets the SMTP answer decide over the envelope code", () => {
    expect(describeEmailError(smtpError({ code: "EENVELOPE", responseCode: 451 })).retryable).toBe(true);
    expect(describeEmailError(smtpError({ code: "ECONNECTION", responseCode: 554 })).retryable).toBe(false);
  });

  it("treats network trouble as temporary", () => {
    for (const code of ["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "ECONNREFUSED", "ECONNRESET", "EPIPE"]) {
      expect(describeEmailError(smtpError({ code }))).toMatchObject({ code, retryable: true, title: "The mail server could not be reached" });
    }
  });

  it("treats a refused envelope (bad address) as permanent", () => {
    expect(describeEmailError(smtpError({ code: "EENVELOPE" }))).toEqual({
      code: "EENVELOPE",
      title: "The email address was refused",
      action: "Correct the customer's email address.",
      retryable: false,
      response: undefined,
    });
  });

  it("treats anything else as permanent, with its message", () => {
    expect(describeEmailError(new Error("Boom"))).toMatchObject({ code: "error", title: "Boom", retryable: false });
    expect(describeEmailError(smtpError({ code: "EWEIRD", message: "" }))).toMatchObject({ code: "EWEIRD", title: "The email could not be sent", retryable: false });
  });

  it("copes with something thrown that is not an Error", () => {
    expect(describeEmailError({})).toMatchObject({ code: "error", title: "The email could not be sent", retryable: false });
  });
});

// What a failed email means and whether to try again, from nodemailer's error: SMTP 4xx answers
// and network trouble are temporary, 5xx answers and bad credentials are not.
export type TEmailFailure = { code: string; title: string; action: string; retryable: boolean; response?: string };

type TNodemailerError = Error & { code?: string; responseCode?: number; response?: string; command?: string };

const NETWORK_CODES = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "ECONNREFUSED", "ECONNRESET", "EPIPE"]);

export function describeEmailError(error: unknown): TEmailFailure {
  const failure = error as TNodemailerError;
  const response = failure.response;
  if (failure.code === "EAUTH") {
    return { code: "EAUTH", title: "The mail server refused the login", action: "Check the user name and password in SMTP_URL.", retryable: false, response };
  }
  if (typeof failure.responseCode === "number") {
    const code = String(failure.responseCode);
    if (failure.responseCode >= 500) {
      return { code, title: "The mail server refused this email", action: "Check the customer's email address; the server's answer says why.", retryable: false, response };
    }
    return { code, title: "The mail server asked to try later", action: "None; it is tried again automatically.", retryable: true, response };
  }
  if (failure.code && NETWORK_CODES.has(failure.code)) {
    return { code: failure.code, title: "The mail server could not be reached", action: "None if it is brief; otherwise check SMTP_URL and the server.", retryable: true, response };
  }
  if (failure.code === "EENVELOPE") {
    return { code: "EENVELOPE", title: "The email address was refused", action: "Correct the customer's email address.", retryable: false, response };
  }
  return { code: failure.code ?? "error", title: failure.message || "The email could not be sent", action: "Check the server log.", retryable: false, response };
}

import type { APIResponse, Page } from "@playwright/test";

/** Collects what the browser refused under the page's Content-Security-Policy. */
export function watchCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|evaluate|connect|frame)/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

/** The response's header names lower-cased, and the CSP split into its directives. */
export function securityHeaders(response: APIResponse) {
  const headers = response.headers();
  const csp = Object.fromEntries(
    (headers["content-security-policy"] ?? "").split(";").map((part) => {
      const [name = "", ...values] = part.trim().split(/\s+/);
      return [name, values.join(" ")];
    }),
  );
  return { headers, csp };
}

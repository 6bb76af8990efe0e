import type { APIResponse, Page } from "@playwright/test";

/**
 * Collects what the browser refused under the page's Content-Security-Policy, on every page the
 * tab opens from now on: the `securitypolicyviolation` event (scripts, styles, eval, frames)
 * and the console's own reports.
 */
export async function watchCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("__reportCspViolation", (report: string) => violations.push(report));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = `${event.violatedDirective} refused ${event.blockedURI || "inline"} on ${location.pathname}`;
      (window as unknown as { __reportCspViolation: (report: string) => void }).__reportCspViolation(report);
    });
  });
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
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

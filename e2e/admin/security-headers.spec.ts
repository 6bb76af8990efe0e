import { expect, test } from "@playwright/test";
import { securityHeaders, watchCspViolations } from "../csp";

const ADMIN_PAGES = ["/admin", "/admin/quotes", "/admin/orders", "/admin/customers", "/admin/messages", "/admin/settings/notifications", "/admin/mail"];

test.describe("security headers for a signed-in admin", () => {
  test("an admin page gets the CSP with a nonce, frame-ancestors and nosniff", async ({ page }) => {
    const response = await page.request.get("/admin/quotes");
    expect(response.status()).toBe(200);
    const { headers, csp } = securityHeaders(response);
    expect(csp["script-src"]).toMatch(/'nonce-[^']+' 'strict-dynamic'/);
    expect(csp["frame-ancestors"]).toBe("'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  });

  test("every admin page runs under the CSP without a single refusal", async ({ page }) => {
    const violations = await watchCspViolations(page);
    for (const path of ADMIN_PAGES) {
      await page.goto(path);
      await expect(page.getByRole("navigation").first()).toBeVisible();
    }
    expect(violations).toEqual([]);
  });
});

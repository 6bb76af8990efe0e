import { expect, test } from "@playwright/test";
import { securityHeaders, watchCspViolations } from "../csp";

test.describe("security headers", () => {
  test("a public page gets a CSP with a fresh nonce on its scripts, and the other headers", async ({ request }) => {
    const first = await request.get("/quote");
    const { headers, csp } = securityHeaders(first);
    const nonce = /'nonce-([^']+)'/.exec(csp["script-src"] ?? "")?.[1];
    expect(nonce).toBeTruthy();
    expect(csp["script-src"]).toContain("'strict-dynamic'");
    expect(csp["frame-ancestors"]).toBe("'none'");
    expect(csp["object-src"]).toBe("'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    // Served over http here: HSTS would pin a local install to https.
    expect(headers["strict-transport-security"]).toBeUndefined();

    // Next.js put this request's nonce on its scripts; the next request gets another one.
    expect(await first.text()).toContain(`nonce="${nonce}"`);
    const second = securityHeaders(await request.get("/quote"));
    expect(second.csp["script-src"]).not.toContain(nonce!);
  });

  test("an accept link sends no Referer, so its token stays in the address bar", async ({ request }) => {
    const { headers, csp } = securityHeaders(await request.get("/q/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
    expect(headers["referrer-policy"]).toBe("no-referrer");
    expect(csp["frame-ancestors"]).toBe("'none'");
  });

  test("the admin redirect carries the headers too, and still goes to the login page", async ({ request }) => {
    const response = await request.get("/admin/quotes?q=a", { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(response.headers()["location"]).toMatch(/\/login\?callbackUrl=%2Fadmin%2Fquotes%3Fq%3Da$/);
    const { headers, csp } = securityHeaders(response);
    expect(csp["frame-ancestors"]).toBe("'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
  });

  test("the webhook route refuses framing and sniffing", async ({ request }) => {
    const response = await request.get("/api/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=42");
    expect(response.status()).toBe(403);
    const { headers, csp } = securityHeaders(response);
    expect(csp["frame-ancestors"]).toBe("'none'");
    expect(csp["default-src"]).toBe("'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
  });

  test("the public pages run under the CSP without a single refusal", async ({ page }) => {
    const violations = await watchCspViolations(page);
    await page.goto("/quote");
    // Client-side validation answers: the form's scripts run.
    await page.getByRole("button", { name: "Request my quote" }).click();
    await expect(page.getByText("Tell us your name.")).toBeVisible();
    await page.goto("/login");
    await expect(page.getByRole("heading", { name: "Sign in to the admin" })).toBeVisible();
    await page.goto("/q/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    await expect(page.getByRole("heading", { name: "We could not find this quote" })).toBeVisible();
    expect(violations).toEqual([]);
  });

  test("a refusal would be seen: an image from another site is blocked and reported", async ({ page }) => {
    const violations = await watchCspViolations(page);
    await page.goto("/quote");
    await page.evaluate(() => document.body.insertAdjacentHTML("beforeend", '<img alt="" src="https://tracker.example/pixel.png">'));
    await expect.poll(() => violations.join("\n")).toContain("img-src");
  });
});

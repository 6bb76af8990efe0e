import { expect, test, type Page } from "@playwright/test";

// Meta's side of the set-up, as the built-in sandbox reports it (app/api/sandbox/setup/route.ts).
async function changeSandbox(page: Page, change: Record<string, unknown>) {
  const response = await page.request.post("/api/sandbox/setup", { data: change, headers: { origin: new URL(page.url() || "http://127.0.0.1").origin } });
  expect(response.ok()).toBe(true);
}

test.afterEach(async ({ page }) => {
  // Leave a working token for the other specs, and let the doctor see it (releasing held sends).
  await changeSandbox(page, { tokenExpiresInSeconds: 0, tokenType: "SYSTEM_USER" });
  await page.goto("/admin/settings/whatsapp");
});

test("the WhatsApp set-up page shows an expired token as a problem with its fix, and every page's banner says sends wait", async ({ page }) => {
  await page.goto("/admin/settings/whatsapp");
  await expect(page.getByRole("heading", { name: "WhatsApp set-up" })).toBeVisible();
  await expect(page.getByTestId("doctor-check-token_valid")).toHaveAttribute("data-state", "ok");

  await changeSandbox(page, { tokenExpiresInSeconds: -3600, tokenType: "USER" });
  await page.getByRole("link", { name: "Check again" }).click();
  const token = page.getByTestId("doctor-check-token_valid");
  await expect(token).toHaveAttribute("data-state", "fail");
  await expect(token).toContainText("The access token expired on");
  await expect(token).toContainText("How to fix: Make a system-user token that does not expire");
  await expect(page.getByTestId("doctor-summary")).toContainText(/problems? to fix/);

  // The refusal is stored: every admin page now says WhatsApp is not sending, and where to fix it.
  await page.goto("/admin");
  const banner = page.getByTestId("whatsapp-token-banner");
  await expect(banner).toContainText("WhatsApp is not sending");
  await expect(banner).toContainText("WHATSAPP_ACCESS_TOKEN");

  // Fits a phone: no sideways scroll at 390 px.
  await page.setViewportSize({ width: 390, height: 844 });
  await banner.getByRole("link", { name: "WhatsApp set-up" }).click();
  await expect(page.getByTestId("doctor-check-token_valid")).toHaveAttribute("data-state", "fail");
  // Polled: the layout settles after the client-side navigation and the viewport change.
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // Renewed on Meta's side: the next check passes and the banner is gone.
  await changeSandbox(page, { tokenExpiresInSeconds: 0, tokenType: "SYSTEM_USER" });
  await page.goto("/admin/settings/whatsapp");
  await expect(page.getByTestId("doctor-check-token_valid")).toHaveAttribute("data-state", "ok");
  await page.goto("/admin");
  await expect(page.getByTestId("whatsapp-token-banner")).toHaveCount(0);
});

test("a token expiring within a day is a warning on the page and in the banner", async ({ page }) => {
  await page.goto("/admin");
  await changeSandbox(page, { tokenExpiresInSeconds: 5 * 3600, tokenType: "USER" });
  await page.goto("/admin/settings/whatsapp");
  await expect(page.getByTestId("doctor-check-token_expiry")).toHaveAttribute("data-state", "warn");
  await expect(page.getByTestId("doctor-check-token_expiry")).toContainText("Expires within a day");
  await page.goto("/admin");
  await expect(page.getByTestId("whatsapp-token-banner")).toContainText(/expires in about [45] hours/);
});

import { createHmac } from "node:crypto";
import { expect, test } from "@playwright/test";

const ADMIN_PAGES = [
  "/admin",
  "/admin/quotes",
  "/admin/quotes/some-id",
  "/admin/orders",
  "/admin/orders/some-id",
  "/admin/customers",
  "/admin/messages",
  "/admin/settings/notifications",
];

test.describe("an anonymous visitor", () => {
  for (const path of ADMIN_PAGES) {
    test(`is sent to the login page from ${path}`, async ({ page }) => {
      await page.goto(path);
      await expect(page).toHaveURL(/\/login\?callbackUrl=/);
      await expect(page.getByRole("heading", { name: "Sign in to the admin" })).toBeVisible();
    });
  }

  test("gets 401 from the admin data routes", async ({ request }) => {
    for (const path of ["/api/admin/quotes/some-id/messages", "/api/sandbox/sent"]) {
      const response = await request.get(path);
      expect(response.status()).toBe(401);
      expect((await response.json()).error.code).toBe("unauthorized");
    }
  });

  test("sees a clear page, not an error, for an unknown accept link", async ({ page }) => {
    const response = await page.goto("/q/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { name: "We could not find this quote" })).toBeVisible();
  });

  test("sees a plain message for a wrong password", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("nobody@example.com");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("login-error")).toHaveText("That email and password do not match an account.");
  });
});

test.describe("the WhatsApp webhook", () => {
  const body = JSON.stringify({ object: "whatsapp_business_account", entry: [] });

  test("refuses a bad signature", async ({ request }) => {
    const wrong = `sha256=${createHmac("sha256", "not-the-app-secret").update(body).digest("hex")}`;
    const response = await request.post("/api/webhooks/whatsapp", {
      data: body,
      headers: { "content-type": "application/json", "x-hub-signature-256": wrong },
    });
    expect(response.status()).toBe(401);
  });

  test("refuses a missing signature", async ({ request }) => {
    const response = await request.post("/api/webhooks/whatsapp", { data: body, headers: { "content-type": "application/json" } });
    expect(response.status()).toBe(401);
  });

  test("refuses a verification handshake with the wrong token", async ({ request }) => {
    const response = await request.get("/api/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=42");
    expect(response.status()).toBe(403);
  });
});

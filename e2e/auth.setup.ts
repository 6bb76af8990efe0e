import { expect, test as setup } from "@playwright/test";
import { E2E_ADMIN } from "../playwright.config";

// Signs in once through the real login form; the admin specs reuse the saved session.
setup("sign in as the admin", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(E2E_ADMIN.email);
  await page.getByLabel("Password").fill(E2E_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await page.context().storageState({ path: "e2e/.auth/admin.json" });
});

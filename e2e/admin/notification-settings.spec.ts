import { expect, test } from "@playwright/test";
import { requestQuote } from "../fixtures";

test("an admin rewords an automatic message, previews it on a real record, and saves it", async ({ page, browser }) => {
  // A real record to preview with.
  const customer = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  await requestQuote(await customer.newPage(), { name: `Preview ${Date.now()}`, email: `preview.${Date.now()}@example.com`, occasion: "Preview hamper", channel: "email" });
  await customer.close();

  await page.goto("/admin/settings/notifications");
  const card = page.getByTestId("notification-order.ready");
  await expect(card).toBeVisible();
  // Each event is closed to one line until opened.
  await expect(card.getByLabel("Email subject")).toBeHidden();
  await card.getByRole("button", { name: /^Edit/ }).click();

  // An unknown field is refused with the list of real ones, and nothing is saved.
  const subject = card.getByLabel("Email subject");
  await subject.fill("Order {{order.nummer}} is ready");
  await card.getByRole("button", { name: "Save" }).click();
  await expect(card).toContainText("order.nummer");

  const wording = `Your order {{order.number}} is ready to collect (${Date.now()})`;
  await subject.fill(wording);
  // The preview fills the unsaved text for a real quote or order.
  await expect(card.getByLabel("Preview with")).toBeVisible();
  await card.getByRole("button", { name: "Preview" }).click();
  await expect(card.getByTestId(/-preview$/)).toContainText(/is ready to collect/, { timeout: 15_000 });
  await card.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(/saved/i).first()).toBeVisible();

  await page.reload();
  await expect(page.getByTestId("notification-order.ready").getByLabel("Email subject")).toHaveValue(wording);
  await page.screenshot({ path: "artifacts/notification-settings.png", fullPage: true });
});

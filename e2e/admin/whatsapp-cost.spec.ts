// The owner sets the messaging limit used while Meta's is unknown and the rates, reads Meta's
// limit from the sandbox's number, and the dashboard shows the limit and eight weeks of cost.
import { expect, test } from "@playwright/test";

test("an owner sets rates and reads Meta's limit; the dashboard shows the limit and the weekly cost", async ({ page }) => {
  await page.goto("/admin/settings/billing");
  await expect(page.getByRole("heading", { name: "Limits and rates" })).toBeVisible();
  await page.getByLabel("Messaging limit when Meta's is unknown").selectOption("TIER_2K");
  await page.getByLabel("Utility").fill("0.0000043");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("rate-utility-error")).toContainText("at most 6 decimals");
  // Meta's rates are often fractions of a cent.
  await page.getByLabel("Utility").fill("0.0043");
  await page.getByLabel("Marketing").fill("0,68");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Limits and rates saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Utility")).toHaveValue("0.0043");
  await expect(page.getByLabel("Marketing")).toHaveValue("0.68");
  await expect(page.getByLabel("Messaging limit when Meta's is unknown")).toHaveValue("TIER_2K");

  await page.getByRole("button", { name: "Check Meta now" }).click();
  await expect(page.getByTestId("limit-source")).toContainText("Meta reports 250 customers in 24 hours");
  await expect(page.getByTestId("messaging-limit")).toContainText("of 250 customers in the last 24 hours");

  await page.goto("/admin");
  const card = page.getByRole("region", { name: "WhatsApp limit and cost" });
  await expect(card.getByTestId("messaging-limit")).toContainText("of 250 customers");
  await expect(card.getByTestId("whatsapp-cost-week")).toHaveCount(8);
  await expect(card.getByRole("link", { name: "Limits and rates" })).toBeVisible();
});

import { expect, test, type Page } from "@playwright/test";
import { requestQuoteOnWhatsApp, uniqueMobile } from "../fixtures";

/** Meta changes a sandbox template; its signed webhook reaches the app's webhook route. */
async function metaChanges(page: Page, change: Record<string, string>) {
  const response = await page.request.post("/api/sandbox/templates", { data: change });
  expect(response.status(), await response.text()).toBe(200);
}

/** Reloads the templates page until the template's card says `text` (webhooks are applied in the background). */
async function waitForCard(page: Page, testId: string, text: RegExp) {
  await expect
    .poll(
      async () => {
        await page.goto("/admin/settings/templates");
        return (await page.getByTestId(testId).textContent()) ?? "";
      },
      { timeout: 20_000, intervals: [500, 1_000] },
    )
    .toMatch(text);
}

test("an owner syncs the templates; one Meta pauses is flagged on the templates page, by its automatic message and in the send dialog", async ({ page, browser }) => {
  await page.goto("/admin/settings/templates");
  await page.getByRole("button", { name: "Sync now" }).click();
  await expect(page.getByText(/Synced 8 templates/)).toBeVisible();
  await expect(page.getByTestId("templates-synced")).toContainText("Last synced");
  await expect(page.getByTestId("template-delivery_slot-en")).toContainText("named parameters");
  await expect(page.getByTestId("template-delivery_slot-en")).toContainText("{{first_name}}");
  await expect(page.getByTestId("template-quote_ready-en")).toContainText("used by Quote answered");
  await expect(page.getByTestId("template-hello_world-en_US")).toContainText("never sent to customers");
  await expect(page.getByTestId("template-holiday_promo-en")).toContainText("Paused by Meta");

  await metaChanges(page, { name: "quote_ready", language: "en", event: "PAUSED", reason: "LOW_QUALITY" });
  try {
    await waitForCard(page, "template-quote_ready-en", /Paused by Meta/);
    await expect(page.getByTestId("template-flags-quote_ready")).toContainText("go by email until it can be sent again");
    await page.screenshot({ path: "artifacts/settings-templates.png", fullPage: true });
    // The page's own content fits a phone (the whole page, navigation included, is layout-phone.spec.ts's).
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    const list = await page.getByRole("list", { name: "Templates" }).evaluate((element) => ({ right: element.getBoundingClientRect().right, scroll: element.scrollWidth, client: element.clientWidth }));
    expect(list.right, "the templates list fits a 390 px phone").toBeLessThanOrEqual(390);
    expect(list.scroll).toBeLessThanOrEqual(list.client);
    await page.screenshot({ path: "artifacts/settings-templates-phone.png", fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });

    await page.goto("/admin/settings/notifications");
    await expect(page.getByTestId("template-warning-quote.answered")).toContainText("Paused by Meta");
    await expect(page.getByTestId("template-warning-quote.received")).toHaveCount(0);

    const customer = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const number = await requestQuoteOnWhatsApp(await customer.newPage(), { name: `Template Check ${Date.now()}`, phone: uniqueMobile(), occasion: "Birthday hamper" });
    await customer.close();
    await page.goto(`/admin/quotes?q=${number}`);
    await page.getByRole("link", { name: number }).click();
    await page.getByRole("button", { name: "Send WhatsApp" }).click();
    const dialog = page.getByRole("dialog", { name: "Send a WhatsApp message" });
    const select = dialog.getByLabel("Approved template");
    const labels = await select.locator("option").allTextContents();
    expect(labels.some((label) => label.includes("hello_world") || label.includes("sample_"))).toBe(false);
    // The quote's own template is paused: listed, not choosable, and the dialog starts on one that can go.
    await expect(select.locator("option", { hasText: "quote_ready" })).toBeDisabled();
    await expect(select).not.toHaveValue("quote_ready|en");
    await expect(dialog.getByTestId("templates-unusable")).toContainText("cannot be sent now");

    await select.selectOption({ label: "quote_received (en)" });
    await dialog.getByRole("button", { name: "Send" }).click();
    await expect(dialog).toBeHidden();
    await page.getByRole("button", { name: "Send WhatsApp" }).click();
    await dialog.getByLabel("Approved template").selectOption({ label: "quote_received (en)" });
    await expect(dialog.getByTestId("template-recent-warning")).toContainText("already went to this customer");
    await dialog.getByLabel("Approved template").selectOption({ label: "order_update (en)" });
    await expect(dialog.getByTestId("template-recent-warning")).toHaveCount(0);
  } finally {
    await metaChanges(page, { name: "quote_ready", language: "en", event: "APPROVED" });
    await waitForCard(page, "template-quote_ready-en", /Approved/);
  }
});

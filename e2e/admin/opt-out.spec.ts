import { expect, test } from "@playwright/test";
import { requestQuote, uniqueMobile } from "../fixtures";

test("a customer sends STOP on WhatsApp; the confirmation goes once, and the quote's answer goes by email instead", async ({ page, browser }) => {
  const email = `stop.${Date.now()}@example.com`;
  const customer = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const number = await requestQuote(await customer.newPage(), { name: `Stop Test ${Date.now()}`, channel: "whatsapp", phone: uniqueMobile(), email, occasion: "Thank-you hamper" });
  await customer.close();

  await page.goto(`/admin/quotes?q=${number}`);
  await page.getByRole("link", { name: number }).click();
  // The sandbox customer writes STOP: a signed webhook, applied like Meta's.
  await page.getByText("Sandbox: simulate a reply from the customer").click();
  await page.getByLabel("Customer's reply").fill("Stop.");
  await page.getByRole("button", { name: "Simulate reply" }).click();
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("whatsapp-opted-out")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  // The automatic "quote answered" message cannot go by WhatsApp now: it goes by email.
  await page.getByLabel("Price (R)").fill("850");
  await page.getByLabel("Message to the customer").fill("A hamper with a handwritten card.");
  await page.getByRole("button", { name: "Save answer" }).click();
  await expect(page.getByTestId("quote-status").first()).toHaveText("Quoted");

  const subject = new RegExp(`Your quote ${number}`);
  await expect(async () => {
    await page.goto("/admin/mail");
    await expect(page.getByTestId("caught-emails").getByRole("listitem").filter({ hasText: email }).filter({ hasText: subject })).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });

  // The customer page: opted out by STOP; one confirmation; the answer went by email, and says why.
  await page.goto(`/admin/quotes?q=${number}`);
  await page.getByRole("link", { name: number }).click();
  await page.getByRole("link", { name: "Customer page →" }).click();
  await expect(page.getByTestId("consent-summary")).toContainText("by sending STOP on WhatsApp");
  const feed = page.getByTestId("message-feed-item");
  await expect(feed.filter({ hasText: "reply START" })).toHaveCount(1);
  await feed.filter({ hasText: "quote.answered" }).getByRole("link").click();
  await expect(page.getByTestId("message-fallback")).toContainText("Sent by email instead of WhatsApp");
  await expect(page.getByTestId("message-fallback")).toContainText("opted out of WhatsApp on");
});

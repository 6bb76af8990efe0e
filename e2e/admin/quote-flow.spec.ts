import { expect, test } from "@playwright/test";
import { requestQuoteOnWhatsApp, uniqueMobile } from "../fixtures";

test("an admin finds a WhatsApp quote, answers it and sends a template that reaches delivered", async ({ page, browser }) => {
  const name = `Thabo E2E ${Date.now()}`;
  const customer = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const number = await requestQuoteOnWhatsApp(await customer.newPage(), { name, phone: uniqueMobile(), occasion: "Corporate year-end gifts, 10 boxes" });
  await customer.close();

  await page.goto("/admin/quotes");
  await expect(page.getByTestId("sandbox-banner")).toContainText("messages are not reaching customers");
  await page.getByLabel("Search quotes").fill(name);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=Thabo/);
  const row = page.getByTestId("quote-row").filter({ hasText: name });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("quote-status")).toHaveText("New");
  await row.getByRole("link", { name: number }).click();

  await expect(page.getByRole("heading", { name: `Quote ${number}` })).toBeVisible();
  await expect(page.getByTestId("whatsapp-consent")).toContainText("on this request");
  await page.getByLabel("Price (R)").fill("1 350,00");
  await page.getByLabel("Message to the customer").fill("Ten boxes with your logo, delivered in Sandton.");
  await page.getByRole("button", { name: "Save answer" }).click();
  await expect(page.getByTestId("quote-status").first()).toHaveText("Quoted");

  await page.getByRole("button", { name: "Send WhatsApp" }).click();
  const dialog = page.getByRole("dialog", { name: "Send a WhatsApp message" });
  await expect(dialog).toContainText("only allows an approved template");
  await dialog.getByLabel("Approved template").selectOption({ label: "quote_received (en)" });
  await dialog.getByLabel("Parameter {{2}}").fill(number);
  await dialog.getByRole("button", { name: "Send" }).click();
  await expect(dialog).toBeHidden();

  const message = page.getByTestId("message-item").filter({ hasText: "quote_received" }).filter({ hasText: number }).first();
  await expect(message).toContainText("quote_received");
  await expect(message.getByTestId("message-status")).toHaveText(/Delivered|Read/, { timeout: 15_000 });
  await expect(message).toContainText("delivered");
  await page.screenshot({ path: "artifacts/admin-quote-page.png", fullPage: true });
});

test("a send Meta refuses is shown in words the admin can act on and logged", async ({ page, browser }) => {
  const customer = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const number = await requestQuoteOnWhatsApp(await customer.newPage(), { name: `Not Allowed ${Date.now()}`, phone: "060 013 1030", occasion: "Test number recipient" });
  await customer.close();

  await page.goto(`/admin/quotes?q=${number}`);
  await page.getByRole("link", { name: number }).click();
  await page.getByRole("button", { name: "Send WhatsApp" }).click();
  const dialog = page.getByRole("dialog");
  // Meta's hello_world sample is never offered to a customer: one of the business's own templates.
  await dialog.getByLabel("Approved template").selectOption({ label: "quote_received (en)" });
  await dialog.getByRole("button", { name: "Send" }).click();
  await expect(dialog.getByTestId("send-error")).toContainText("Recipient not on the test number's allowed list");
  await expect(dialog.getByTestId("send-error")).toContainText("API Setup");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("message-item").first().getByTestId("message-status")).toHaveText("Failed");
});

test("after the customer writes, the admin may answer in free text inside the 24-hour window", async ({ page, browser }) => {
  const customer = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const number = await requestQuoteOnWhatsApp(await customer.newPage(), { name: `Window Test ${Date.now()}`, phone: uniqueMobile(), occasion: "Flowers for a friend" });
  await customer.close();

  await page.goto(`/admin/quotes?q=${number}`);
  await page.getByRole("link", { name: number }).click();
  await page.getByText("Sandbox: simulate a reply from the customer").click();
  await page.getByLabel("Customer's reply").fill("Can you add a card?");
  await page.getByRole("button", { name: "Simulate reply" }).click();
  await expect(page.getByTestId("message-item").filter({ hasText: "Can you add a card?" })).toBeVisible({ timeout: 10_000 });

  await page.reload();
  await page.getByRole("button", { name: "Send WhatsApp" }).click();
  const dialog = page.getByRole("dialog", { name: "Send a WhatsApp message" });
  await expect(dialog).toContainText("free text is allowed until");
  await dialog.getByLabel("Message").fill("Of course, a card is included.");
  await dialog.getByRole("button", { name: "Send" }).click();
  await expect(dialog).toBeHidden();
  const reply = page.getByTestId("message-item").filter({ hasText: "Of course, a card is included." });
  await expect(reply.getByTestId("message-status")).toHaveText(/Delivered|Read/, { timeout: 15_000 });
});

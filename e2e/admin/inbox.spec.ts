import { expect, test, type Page } from "@playwright/test";
import { requestQuoteOnWhatsApp, uniqueMobile } from "../fixtures";

// A customer writes; the inbox shows it unread and waiting; the admin opens the thread (read),
// answers inside the 24-hour window and sees the answer delivered, without reloading the page.
// Once on a desktop and once on a 390 px phone.

/** The customer's WhatsApp reply, from the sandbox's customer side on the quote's page. */
async function customerWrites(page: Page, quoteNumber: string, text: string) {
  await page.goto(`/admin/quotes?q=${quoteNumber}`);
  await page.getByRole("link", { name: quoteNumber }).first().click();
  await page.getByText("Sandbox: simulate a reply from the customer").click();
  await page.getByLabel("Customer's reply").fill(text);
  await page.getByRole("button", { name: "Simulate reply" }).click();
  await expect(page.getByTestId("message-item").filter({ hasText: text })).toBeVisible({ timeout: 10_000 });
}

async function expectNoSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: window.innerWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.view);
}

for (const screen of [
  { name: "desktop", viewport: { width: 1280, height: 800 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
]) {
  test.describe(`on a ${screen.name}`, () => {
    test.use({ viewport: screen.viewport });

    test("a customer's reply shows unread in the inbox; the admin answers in the thread and sees it delivered", async ({ page, browser }) => {
      const name = `Inbox ${screen.name} ${Date.now()}`;
      const customer = await browser.newContext({ storageState: { cookies: [], origins: [] } });
      const quoteNumber = await requestQuoteOnWhatsApp(await customer.newPage(), { name, phone: uniqueMobile(), occasion: "A hamper for my sister" });
      await customer.close();

      await customerWrites(page, quoteNumber, "Can you add a birthday card?");

      await page.goto("/admin/inbox");
      await expect(page.getByRole("heading", { name: "Inbox" })).toBeVisible();
      await expect(page.getByRole("navigation", { name: "Admin" }).getByTestId("inbox-badge")).toBeVisible();
      const conversation = page.getByTestId("conversation").filter({ hasText: name });
      await expect(conversation.getByTestId("conversation-preview")).toHaveText("Can you add a birthday card?");
      await expect(conversation.getByTestId("conversation-unread")).toContainText("1");
      await expect(conversation.getByTestId("conversation-waiting")).toBeVisible();
      await page.getByRole("navigation", { name: "Conversations" }).getByRole("link", { name: /Unread/ }).click();
      await expect(page).toHaveURL(/filter=unread/);
      await expect(conversation).toBeVisible();
      if (screen.name === "phone") await expectNoSidewaysScroll(page);

      await conversation.click();
      await expect(page.getByRole("heading", { name })).toBeVisible();
      const thread = page.getByTestId("thread");
      const question = thread.getByTestId("thread-message").filter({ hasText: "Can you add a birthday card?" });
      await expect(question).toHaveAttribute("data-direction", "inbound");
      await expect(question.getByRole("link", { name: quoteNumber })).toBeVisible();
      await expect(page.getByTestId("window-text")).toContainText(/free text is allowed for 23 h 5\d min more/);

      const reply = page.getByRole("form", { name: "Reply to the customer" });
      await expect(reply.getByLabel("About")).toHaveValue(/.+/);
      await reply.getByLabel("Reply").fill("Of course, a card is on us.");
      await expect(reply.getByRole("button", { name: "Send" })).toBeInViewport();
      await reply.getByRole("button", { name: "Send" }).click();
      await expect(reply.getByLabel("Reply")).toHaveValue("");
      // No reload: the thread follows the message through the outbox and Meta's webhooks.
      const answer = thread.getByTestId("thread-message").filter({ hasText: "Of course, a card is on us." });
      await expect(answer).toHaveAttribute("data-direction", "outbound");
      await expect(answer.getByTestId("message-status")).toHaveText(/Delivered|Read/, { timeout: 15_000 });
      await expect(answer.getByRole("link", { name: quoteNumber })).toBeVisible();
      if (screen.name === "phone") await expectNoSidewaysScroll(page);
      await page.screenshot({ path: `artifacts/inbox-thread-${screen.name}.png`, fullPage: true });

      // Opening the thread read it, and the answer means nobody is waiting.
      await page.getByRole("main").getByRole("link", { name: "Inbox", exact: true }).click();
      await expect(page).toHaveURL(/\/admin\/inbox$/);
      const answered = page.getByTestId("conversation").filter({ hasText: name });
      await expect(answered.getByTestId("conversation-preview")).toHaveText("Of course, a card is on us.");
      await expect(answered.getByTestId("conversation-unread")).toHaveCount(0);
      await expect(answered.getByTestId("conversation-waiting")).toHaveCount(0);
      await page.screenshot({ path: `artifacts/inbox-list-${screen.name}.png`, fullPage: true });
    });
  });
}

test("a new customer message appears in the open inbox without a reload", async ({ page, browser }) => {
  const name = `Inbox live ${Date.now()}`;
  const customer = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const quoteNumber = await requestQuoteOnWhatsApp(await customer.newPage(), { name, phone: uniqueMobile(), occasion: "Flowers" });
  await customer.close();

  // The admin keeps the inbox open in one tab while the customer's message arrives (another tab).
  const inbox = await page.context().newPage();
  await inbox.goto("/admin/inbox");
  await expect(inbox.getByTestId("conversations")).toBeVisible();
  await expect(inbox.getByText("Are roses in season?")).toHaveCount(0);
  await customerWrites(page, quoteNumber, "Are roses in season?");
  await inbox.bringToFront();
  await expect(inbox.getByTestId("conversation").filter({ hasText: name }).getByTestId("conversation-preview")).toHaveText("Are roses in season?", { timeout: 10_000 });
});

test("outside the 24-hour window the thread offers a template, previews it filled in, and its send is followed to delivered", async ({ page, browser }) => {
  const name = `Inbox Template ${Date.now()}`;
  const customer = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const quoteNumber = await requestQuoteOnWhatsApp(await customer.newPage(), { name, phone: uniqueMobile(), occasion: "Chocolates" });
  await customer.close();

  // The acknowledgement the request queued starts the conversation; the customer has not written.
  await page.goto("/admin/inbox");
  await page.getByTestId("conversation").filter({ hasText: name }).click({ timeout: 15_000 });
  await expect(page.getByTestId("window-text")).toContainText("has not written to us on WhatsApp");
  const reply = page.getByRole("form", { name: "Reply to the customer" });
  await expect(reply.getByRole("radio")).toHaveCount(0);
  await reply.getByLabel("Approved template").selectOption({ label: "quote_received (en)" });
  await expect(reply.getByTestId("template-preview")).toHaveText(`Hi Inbox, thank you for your quote request ${quoteNumber}. We will get back to you soon.`);
  await reply.getByRole("button", { name: "Send template" }).click();
  const sent = page.getByTestId("thread").getByTestId("thread-message").filter({ hasText: "Template quote_received" }).filter({ hasText: "Administrator" });
  await expect(sent.getByTestId("message-status")).toHaveText(/Delivered|Read/, { timeout: 15_000 });
});

/** Meta changes a sandbox template; its signed webhook reaches the app's webhook route. */
async function metaChanges(page: Page, change: Record<string, string>) {
  const response = await page.request.post("/api/sandbox/templates", { data: change });
  expect(response.status(), await response.text()).toBe(200);
}

test("the thread's template picker labels a named template's parameters by name, shows its flags, and lists paused and rejected ones disabled with the reason", async ({ page, browser }) => {
  const name = `Picker Ruth ${Date.now()}`;
  const customer = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  await requestQuoteOnWhatsApp(await customer.newPage(), { name, phone: uniqueMobile(), occasion: "Biltong box" });
  await customer.close();

  await page.goto("/admin/inbox");
  await page.getByTestId("conversation").filter({ hasText: name }).click({ timeout: 15_000 });
  await expect(page.getByRole("heading", { name })).toBeVisible();
  const thread = page.url();
  const reply = page.getByRole("form", { name: "Reply to the customer" });
  const select = reply.getByLabel("Approved template");

  // Positional parameters keep their numbers; paused and rejected templates are listed, not choosable.
  await select.selectOption({ label: "order_update (en)" });
  await expect(reply.getByLabel("Parameter {{1}}")).toHaveValue("Picker");
  await expect(reply.getByLabel("Parameter {{3}}")).toBeVisible();
  await expect(select.locator("option", { hasText: "holiday_promo (en) — paused" })).toBeDisabled();
  await expect(select.locator("option", { hasText: "spam_offer (en) — rejected" })).toBeDisabled();
  await reply.getByTestId("templates-unusable").locator("summary").click();
  await expect(reply.getByTestId("templates-unusable")).toContainText('"holiday_promo" (en) cannot be sent. Paused by Meta');
  await expect(reply.getByTestId("templates-unusable")).toContainText('"spam_offer" (en) cannot be sent. Rejected by Meta');

  await metaChanges(page, { name: "delivery_slot", language: "en", category: "MARKETING" });
  try {
    // The webhook is applied in the background: the picker shows the change once it is stored.
    await expect
      .poll(
        async () => {
          await page.goto(thread);
          await select.selectOption({ label: "delivery_slot (en)" });
          return (await reply.getByTestId("template-flags").allTextContents()).join(" ");
        },
        { timeout: 20_000, intervals: [500, 1_000] },
      )
      .toMatch(/Re-categorised by Meta from utility to marketing/);
    await expect(reply.getByLabel("Parameter {{first_name}}")).toHaveValue("Picker");
    await expect(reply.getByLabel("Parameter {{order_number}}")).toHaveValue("");
    await reply.getByLabel("Parameter {{slot}}").fill("tomorrow morning");
    await expect(reply.getByTestId("template-preview")).toHaveText("Hi Picker, order {{order_number}} will be delivered tomorrow morning. Reply if that time does not suit you.");
  } finally {
    await metaChanges(page, { name: "delivery_slot", language: "en", category: "UTILITY" });
  }
});

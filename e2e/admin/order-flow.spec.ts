import { expect, test, type Page } from "@playwright/test";
import { requestQuote, uniqueMobile } from "../fixtures";

/** Answers the quote on its admin page; the automatic message with the accept link is queued with it. */
async function answerQuote(page: Page, number: string, price: string) {
  await page.goto(`/admin/quotes?q=${number}`);
  await page.getByRole("link", { name: number }).click();
  await page.getByLabel("Price (R)").fill(price);
  await page.getByLabel("Message to the customer").fill("A hamper with your card, delivered on the day.");
  await page.getByRole("button", { name: "Save answer" }).click();
  await expect(page.getByTestId("quote-status").first()).toHaveText("Quoted");
}

/** The customer opens the link and accepts; then the admin follows the order to "out for delivery". */
async function acceptAndDeliver(page: Page, browser: import("@playwright/test").Browser, link: string, number: string) {
  const customer = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const phone = await customer.newPage();
  await phone.goto(link);
  await expect(phone.getByRole("heading", { name: /here is your quote/ })).toBeVisible();
  await expect(phone.getByTestId("quote-amount")).toContainText(/950/);
  await phone.getByRole("button", { name: "Accept" }).click();
  await expect(phone.getByRole("heading", { name: "You accepted this quote" })).toBeVisible();
  await expect(phone.getByText(/Your order number is O-\d{4}-\d{4}/)).toBeVisible();
  // A second visit shows the answer instead of offering the buttons again.
  await phone.reload();
  await expect(phone.getByRole("button", { name: "Accept" })).toHaveCount(0);
  await customer.close();

  await page.goto(`/admin/quotes?q=${number}`);
  await page.getByRole("link", { name: number }).click();
  await page.getByTestId("quote-order-link").click();
  await expect(page.getByTestId("order-status")).toHaveText("Confirmed");
  for (const [button, status] of [
    ["Start production", "In production"],
    ["Mark ready", "Ready"],
    ["Out for delivery", "Out for delivery"],
  ] as const) {
    await page.getByRole("button", { name: button, exact: true }).click();
    await page.getByRole("dialog").getByRole("button", { name: button, exact: true }).click();
    await expect(page.getByTestId("order-status")).toHaveText(status);
  }
}

test("a WhatsApp customer accepts from the template's link; the order's automatic message reaches delivered", async ({ page, browser }) => {
  // Six automatic messages reach this customer within a minute; the dispatcher keeps to Meta's
  // pair rate (about one per 6 s to one customer), so the last one takes a while.
  test.setTimeout(120_000);
  const mobile = uniqueMobile();
  const customer = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const number = await requestQuote(await customer.newPage(), { name: `Lerato WA ${Date.now()}`, phone: mobile, occasion: "Anniversary hamper", channel: "whatsapp" });
  await customer.close();
  await answerQuote(page, number, "950");

  // The sandbox received the quote_ready template, its URL button carrying the accept link.
  const to = `27${mobile.slice(1)}`;
  let path = "";
  await expect(async () => {
    const { messages } = await (await page.request.get(`/api/sandbox/sent?to=${to}`)).json();
    const template = messages.find((message: { body: { template?: { name: string } } }) => message.body.template?.name === "quote_ready");
    const button = template?.body.template.components.find((component: { type: string }) => component.type === "button");
    path = button?.parameters[0].text ?? "";
    expect(path).toMatch(/^q\/[A-Za-z0-9_-]{32}$/);
  }).toPass({ timeout: 15_000 });

  await acceptAndDeliver(page, browser, `/${path}`, number);
  const message = page.getByTestId("message-feed-item").filter({ hasText: "order.out_for_delivery" });
  await expect(message.getByTestId("message-status")).toHaveText(/Delivered|Read/, { timeout: 75_000 });
  await page.screenshot({ path: "artifacts/order-page.png", fullPage: true });

  await page.goto("/admin/messages");
  await expect(page.getByRole("heading", { name: /Messages/ }).first()).toBeVisible();
  await page.screenshot({ path: "artifacts/messages-page.png", fullPage: true });
  await page.goto("/admin");
  await page.screenshot({ path: "artifacts/dashboard.png", fullPage: true });
});

test("an email customer accepts from the email's link (mail catcher); the order's automatic email is sent", async ({ page, browser }) => {
  const email = `naledi.${Date.now()}@example.com`;
  const customer = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const number = await requestQuote(await customer.newPage(), { name: `Naledi Mail ${Date.now()}`, email, occasion: "Baby shower basket", channel: "email" });
  await customer.close();
  await answerQuote(page, number, "950");

  // Without SMTP_URL the mail is kept by the built-in catcher; its text holds the link.
  await page.goto("/admin/mail");
  await expect(page.getByTestId("email-catcher-banner").first()).toBeVisible();
  // The dispatcher keeps the mail a moment after the answer is saved: look again until it is there.
  const subject = new RegExp(`Your quote ${number}`);
  await expect(async () => {
    await page.goto("/admin/mail");
    await page.getByRole("link", { name: subject }).first().click({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  const text = (await page.getByTestId("caught-email-text").textContent()) ?? "";
  const link = /\/q\/[A-Za-z0-9_-]{32}/.exec(text)?.[0] ?? "";
  expect(link).not.toBe("");

  await acceptAndDeliver(page, browser, link, number);
  const message = page.getByTestId("message-feed-item").filter({ hasText: "order.out_for_delivery" });
  await expect(message.getByTestId("message-status")).toHaveText("Sent", { timeout: 20_000 });
});

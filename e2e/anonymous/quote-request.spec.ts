import { expect, test } from "@playwright/test";
import { requestQuoteOnWhatsApp, uniqueMobile } from "../fixtures";

test("a customer who picks WhatsApp must give a number and consent, then gets a quote number", async ({ page }) => {
  await page.goto("/quote");
  await expect(page.getByRole("heading", { name: "Request a quote" })).toBeVisible();

  await page.getByRole("radio", { name: /WhatsApp/ }).check();
  await page.getByRole("button", { name: "Request my quote" }).click();
  await expect(page.getByTestId("name-error")).toHaveText("Tell us your name.");
  await expect(page.getByTestId("phone-error")).toHaveText("Enter your WhatsApp number, so we can send you the quote.");
  await expect(page.getByTestId("whatsappConsent-error")).toHaveText("Tick the box to let us contact you on WhatsApp, or choose email.");
  await expect(page.getByTestId("occasion-error")).toHaveText("Tell us what the gift is for.");

  await page.getByLabel("WhatsApp number").fill("12345");
  await page.getByLabel("Your name").click();
  await expect(page.getByTestId("phone-error")).toContainText("Enter a valid phone number");
  await page.screenshot({ path: "artifacts/quote-form-errors.png", fullPage: true });

  const number = await requestQuoteOnWhatsApp(page, { name: "Naledi Customer", phone: uniqueMobile(), occasion: "A hamper for my mother's 60th" });
  expect(number).toMatch(/^Q-\d{4}-\d{4}$/);
  await expect(page.getByText("We will send you a price on WhatsApp")).toBeVisible();
});

test("the quote page looks right on a phone", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto("/quote");
  await page.getByRole("radio", { name: /WhatsApp/ }).check();
  await expect(page.getByRole("checkbox", { name: /may contact me on WhatsApp/ })).toBeVisible();
  await page.screenshot({ path: "artifacts/quote-page-phone.png", fullPage: true });
  await context.close();
});

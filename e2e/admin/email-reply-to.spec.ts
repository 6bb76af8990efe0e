// An email to a customer comes from the business (BUSINESS_EMAIL) and a reply reaches it: the
// acknowledgement of an email quote request, as the built-in mail catcher kept it. The public
// pages tell the customer the same address and number.
import { expect, test } from "@playwright/test";
import { requestQuote } from "../fixtures";

const BUSINESS_EMAIL = "hello@snowspoiled.example"; // playwright.config.ts
const BUSINESS_PHONE = "+27 21 555 0100";

test("a caught email has the business as From and Reply-To, and the public pages show how to reach it", async ({ page, browser }) => {
  const customer = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const form = await customer.newPage();
  await form.goto("/quote");
  const contact = form.getByTestId("business-contact");
  await expect(contact.getByRole("link", { name: BUSINESS_EMAIL })).toHaveAttribute("href", `mailto:${BUSINESS_EMAIL}`);
  await expect(contact.getByRole("link", { name: BUSINESS_PHONE })).toHaveAttribute("href", "tel:+27215550100");
  const email = `reply.to.${Date.now()}@example.com`;
  const number = await requestQuote(form, { name: `Reply To ${Date.now()}`, email, occasion: "Anniversary flowers", channel: "email" });
  await expect(form.getByTestId("business-contact")).toContainText(BUSINESS_EMAIL);
  await customer.close();

  await expect(async () => {
    await page.goto("/admin/mail");
    await page.getByTestId("caught-emails").getByRole("listitem").filter({ hasText: email }).getByRole("link").first().click({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByTestId("caught-email-reply-to")).toHaveText(BUSINESS_EMAIL);
  await expect(page.getByText(`"Snow Spoiled Gifts" <${BUSINESS_EMAIL}>`)).toBeVisible();
  await expect(page.getByTestId("caught-email-text")).toContainText(number);
  await expect(page.getByTestId("caught-email-text")).toContainText(`Questions? Just reply to this email or call ${BUSINESS_PHONE}.`);
});

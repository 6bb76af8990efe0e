import type { Page } from "@playwright/test";

/** A valid South African mobile number no other test uses. */
export function uniqueMobile(): string {
  return `083${String(Date.now() % 10_000_000).padStart(7, "0")}`;
}

/** Fills and sends the public quote form as a customer who prefers WhatsApp. */
export async function requestQuoteOnWhatsApp(page: Page, customer: { name: string; phone: string; occasion: string }) {
  await page.goto("/quote");
  await page.getByLabel("Your name").fill(customer.name);
  await page.getByRole("radio", { name: /WhatsApp/ }).check();
  await page.getByLabel("WhatsApp number").fill(customer.phone);
  await page.getByRole("checkbox", { name: /may contact me on WhatsApp/ }).check();
  await page.getByLabel("What is the gift for?").fill(customer.occasion);
  await page.getByLabel("Budget (R)").fill("1200");
  await page.getByRole("button", { name: "Request my quote" }).click();
  await page.waitForURL(/\/quote\/thanks/);
  return (await page.getByTestId("quote-number").textContent())!.trim();
}

/** Fills and sends the public quote form on either channel; returns the quote number. */
export async function requestQuote(
  page: Page,
  customer: { name: string; occasion: string; channel: "whatsapp" | "email"; phone?: string; email?: string },
) {
  await page.goto("/quote");
  await page.getByLabel("Your name").fill(customer.name);
  if (customer.channel === "whatsapp") {
    await page.getByRole("radio", { name: /WhatsApp/ }).check();
    await page.getByLabel("WhatsApp number").fill(customer.phone!);
    await page.getByRole("checkbox", { name: /may contact me on WhatsApp/ }).check();
    if (customer.email) await page.getByLabel("Email (optional)").fill(customer.email);
  } else {
    await page.getByRole("radio", { name: /Email/ }).check();
    await page.getByLabel("Email", { exact: true }).fill(customer.email!);
    if (customer.phone) await page.getByLabel("Phone (optional)").fill(customer.phone);
  }
  await page.getByLabel("What is the gift for?").fill(customer.occasion);
  await page.getByLabel("Budget (R)").fill("900");
  await page.getByRole("button", { name: "Request my quote" }).click();
  await page.waitForURL(/\/quote\/thanks/);
  return (await page.getByTestId("quote-number").textContent())!.trim();
}

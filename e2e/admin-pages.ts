// Every admin page, for the specs that check each one (phone width, accessibility). The list comes
// from the page files under app/admin (test/app-inventory.ts), so a page added later is checked
// too; a page with an id in its path is opened with a real one, read from the page that links it.
import { expect, type Browser, type Page } from "@playwright/test";
import { pageFiles, urlPathOf } from "../test/app-inventory";
import { requestQuote } from "./fixtures";

type TSource = { from: string; link: RegExp; to?: (match: RegExpExecArray) => string };

// Where a real id for each page with one is found: the first link of that shape on `from`.
const ID_SOURCES: Record<string, TSource> = {
  "app/admin/quotes/[id]/page.tsx": { from: "/admin/quotes", link: /^\/admin\/quotes\/[^/?#]+$/ },
  "app/admin/orders/[id]/page.tsx": { from: "/admin/orders", link: /^\/admin\/orders\/[^/?#]+$/ },
  "app/admin/customers/[id]/page.tsx": { from: "/admin/customers", link: /^\/admin\/customers\/[^/?#]+$/ },
  "app/admin/messages/[id]/page.tsx": { from: "/admin/messages", link: /^\/admin\/messages\/[^/?#]+$/ },
  "app/admin/mail/[id]/page.tsx": { from: "/admin/mail", link: /^\/admin\/mail\/[^/?#]+$/ },
  // A customer's thread opens for any customer, whether or not they have written yet.
  "app/admin/inbox/[customerId]/page.tsx": { from: "/admin/customers", link: /^\/admin\/customers\/([^/?#]+)$/, to: (match) => `/admin/inbox/${match[1]}` },
};

export function adminPageFiles(): string[] {
  return pageFiles().filter((file) => file.startsWith("app/admin/") && file.endsWith("/page.tsx"));
}

async function firstLink(page: Page, source: TSource): Promise<string> {
  await page.goto(source.from);
  const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  for (const href of hrefs) {
    const match = source.link.exec(href);
    if (match) return source.to ? source.to(match) : href;
  }
  throw new Error(`No link like ${source.link} on ${source.from}: the spec's data did not make one.`);
}

/** The URL of every admin page; fails on a page with an id that no source is known for. */
export async function adminPageUrls(page: Page): Promise<{ file: string; url: string }[]> {
  const pages: { file: string; url: string }[] = [];
  for (const file of adminPageFiles()) {
    if (!file.includes("[")) {
      pages.push({ file, url: urlPathOf(file) });
      continue;
    }
    const source = ID_SOURCES[file];
    expect(source, `${file}: say in e2e/admin-pages.ts where a real id for it is found`).toBeDefined();
    pages.push({ file, url: await firstLink(page, source!) });
  }
  return pages;
}

/**
 * Data for every page to show something: a quote by email, answered (its mail in the catcher)
 * and accepted by the customer, which makes an order; the quote's messages fill the audit log.
 */
export async function makeQuoteOrderAndMail(page: Page, browser: Browser, label: string): Promise<void> {
  const customer = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const number = await requestQuote(await customer.newPage(), {
    name: `${label} ${Date.now()}`,
    email: `${label.toLowerCase()}.${Date.now()}@example.com`,
    occasion: "A box of succulents for the office",
    channel: "email",
  });
  await page.goto(`/admin/quotes?q=${number}`);
  await page.getByRole("link", { name: number }).click();
  await page.getByLabel("Price (R)").fill("640");
  await page.getByLabel("Message to the customer").fill("Six succulents in clay pots, gift-wrapped.");
  await page.getByRole("button", { name: "Save answer" }).click();
  await expect(page.getByTestId("quote-status").first()).toHaveText("Quoted");
  const subject = new RegExp(`Your quote ${number}`);
  await expect(async () => {
    await page.goto("/admin/mail");
    await page.getByRole("link", { name: subject }).first().click({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  const text = (await page.getByTestId("caught-email-text").textContent()) ?? "";
  const link = /\/q\/[A-Za-z0-9_-]{32}/.exec(text)?.[0];
  expect(link, "the answer's email holds the accept link").toBeTruthy();
  const phone = await customer.newPage();
  await phone.goto(link!);
  await phone.getByRole("button", { name: "Accept" }).click();
  await expect(phone.getByRole("heading", { name: "You accepted this quote" })).toBeVisible();
  await customer.close();
}

import { expect, test } from "@playwright/test";
import { requestQuote } from "../fixtures";

/** "0831234567" as the admin pages show it: "+27 83 123 4567". */
const shown = (local: string) => `+27 ${local.slice(1, 3)} ${local.slice(3, 6)} ${local.slice(6)}`;

test("a repeat request only offers its details; the admin applies, ignores, edits and merges, and the history says who", async ({ page, browser }) => {
  const stamp = Date.now();
  const mobile = (k: number) => `083${String((stamp + k) % 10_000_000).padStart(7, "0")}`;
  const email = `trust-${stamp}@example.com`;
  const first = { name: `Lindiwe Trust ${stamp}`, email, phone: mobile(1) };
  const repeat = { name: `Lindi Stranger ${stamp}`, email, phone: mobile(2) };
  const second = { name: `Second Record ${stamp}`, email: `second-${stamp}@example.com`, phone: mobile(3) };

  const visitor = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const form = await visitor.newPage();
  const firstQuote = await requestQuote(form, { ...first, channel: "whatsapp", occasion: "A birthday hamper" });
  const repeatQuote = await requestQuote(form, { ...repeat, channel: "whatsapp", occasion: "Flowers for an anniversary" });
  const secondQuote = await requestQuote(form, { ...second, channel: "email", occasion: "Year-end gifts" });
  await visitor.close();

  // The repeat request keeps its own details; the customer's stay as they were, offered for review.
  await page.goto(`/admin/quotes?q=${repeatQuote}`);
  await page.getByRole("link", { name: repeatQuote }).click();
  const card = page.getByRole("region", { name: "Customer", exact: true });
  const request = card.getByRole("region", { name: "On this request" });
  await expect(request).toContainText(repeat.name);
  await expect(request).toContainText(shown(repeat.phone));
  const own = card.getByRole("region", { name: "The customer’s own details" });
  await expect(own.getByRole("link", { name: first.name })).toBeVisible();
  await expect(own).toContainText(shown(first.phone));

  const offers = card.getByRole("list", { name: "Offered contact details" });
  const phoneOffer = offers.getByRole("listitem").filter({ hasText: "New phone offered" });
  const nameOffer = offers.getByRole("listitem").filter({ hasText: "New name offered" });
  await expect(phoneOffer).toContainText(`New phone offered on ${repeatQuote}: ${shown(repeat.phone)}`);
  await expect(nameOffer).toContainText(`New name offered on ${repeatQuote}: ${repeat.name}`);
  await page.screenshot({ path: "artifacts/quote-contact-offers.png", fullPage: true });

  await phoneOffer.getByRole("button", { name: "Apply the new phone" }).click();
  await expect(phoneOffer).toHaveCount(0);
  await expect(own).toContainText(shown(repeat.phone));
  await nameOffer.getByRole("button", { name: "Ignore the new name" }).click();
  await expect(offers).toHaveCount(0);
  // Ignored: the customer keeps their name, and this quote keeps the one it was asked with.
  await expect(own.getByRole("link", { name: first.name })).toBeVisible();
  await expect(request).toContainText(repeat.name);

  // A WhatsApp from the applied number proves it: verified on the request and on the customer.
  await expect(card.getByTestId("phone-verified")).toHaveCount(0);
  await page.getByText("Sandbox: simulate a reply from the customer").click();
  await page.getByLabel("Customer's reply").fill("Yes, this is my new number");
  await page.getByRole("button", { name: "Simulate reply" }).click();
  await expect(page.getByTestId("message-item").filter({ hasText: "Yes, this is my new number" })).toBeVisible({ timeout: 10_000 });
  await page.reload();
  await expect(request.getByTestId("phone-verified")).toContainText("Verified");
  await expect(own.getByTestId("phone-verified")).toContainText("Verified");

  await card.getByRole("link", { name: "Customer page" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(first.name);
  const history = page.getByRole("list", { name: "Changes to this customer" });
  const applied = history.getByRole("listitem").filter({ hasText: "Offered phone applied" });
  await expect(applied).toContainText(`${shown(first.phone)} → ${shown(repeat.phone)}`);
  await expect(applied).toContainText("by Administrator");
  await expect(applied.getByRole("link", { name: repeatQuote })).toBeVisible();
  await expect(history.getByRole("listitem").filter({ hasText: "Offered name ignored" })).toContainText("by Administrator");
  await expect(history.getByRole("listitem").filter({ hasText: "Phone verified" })).toContainText("by the customer");
  await expect(page.getByRole("region", { name: "Contact", exact: true }).getByTestId("phone-verified")).toContainText("Verified");

  // Edit: a blank name and another customer's email are refused in words the admin can act on.
  const newName = `Lindiwe Edited ${stamp}`;
  await page.getByRole("button", { name: "Edit details" }).click();
  const edit = page.getByRole("dialog", { name: "Edit the customer’s details" });
  await expect(edit.getByLabel("Phone")).toHaveValue(shown(repeat.phone));
  await edit.getByLabel("Name").fill("");
  await edit.getByLabel("Email").fill(second.email);
  await edit.getByRole("button", { name: "Save details" }).click();
  await expect(edit.getByTestId("edit-name-error")).toHaveText("Enter the customer's name.");
  await edit.getByLabel("Name").fill(newName);
  await edit.getByRole("button", { name: "Save details" }).click();
  await expect(edit.getByTestId("edit-details-error")).toContainText(`${second.name} already has the email ${second.email}`);
  await expect(edit.getByTestId("edit-details-error")).toContainText("merge the two customers");
  await edit.getByLabel("Email").fill(email);
  await edit.getByRole("button", { name: "Save details" }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(newName);
  await expect(history.getByRole("listitem").filter({ hasText: "Name changed" })).toContainText(`${first.name} → ${newName}`);

  // Merge the second customer into this one: search, choose, confirm.
  const quotes = page.getByRole("region", { name: "Quotes", exact: true });
  await expect(quotes.getByRole("link")).toHaveCount(2);
  await page.getByRole("button", { name: "Merge another customer into this one" }).click();
  const merge = page.getByRole("dialog", { name: `Merge another customer into ${newName}` });
  await merge.getByLabel("Find the other customer").fill(`Second Record ${stamp}`);
  const candidate = merge.getByRole("listitem").filter({ hasText: second.name });
  await expect(candidate).toContainText(second.email);
  await expect(candidate).toContainText(shown(second.phone));
  await expect(candidate).toContainText("1 quote · 0 orders");
  await candidate.getByRole("button", { name: `Choose ${second.name}` }).click();
  const confirm = page.getByRole("dialog", { name: `Merge ${second.name} into ${newName}?` });
  await expect(confirm).toContainText(`1 quote and 0 orders of ${second.name} move to ${newName}.`);
  await expect(confirm).toContainText("This cannot be undone.");
  await confirm.getByRole("button", { name: `Merge into ${newName}` }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText(new RegExp(`Merged ${second.name} into ${newName}: 1 quote, 0 orders and \\d+ messages? moved\\.`))).toBeVisible();

  for (const number of [firstQuote, repeatQuote, secondQuote]) await expect(quotes.getByRole("link", { name: number })).toBeVisible();
  await expect(history.getByRole("listitem").filter({ hasText: "Another customer merged into this one" })).toContainText(`Merged ${second.name}`);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "artifacts/customer-trust-phone.png", fullPage: true });
});

// Past the last page every list says something true and links to where its rows are, instead of
// "Page 99 of 35".
import { expect, test } from "@playwright/test";
import { requestQuote } from "../fixtures";

test("a page past the end of a list says so and links to the last page, or to the first of an uncounted list", async ({ page, browser }) => {
  const customer = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  await requestQuote(await customer.newPage(), { name: `Pager ${Date.now()}`, email: `pager.${Date.now()}@example.com`, occasion: "Pager hamper", channel: "email" });
  await customer.close();

  for (const list of ["quotes", "customers", "messages"]) {
    await page.goto(`/admin/${list}?page=99`);
    const empty = page.getByTestId(`${list}-empty`);
    await expect(empty).toContainText(/No rows on page 99; there (is 1 page|are \d+ pages)\./);
    await expect(page.getByRole("navigation", { name: "Pages" })).toHaveCount(0);
    await empty.getByRole("link", { name: /^Go to page \d+$/ }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/${list}(\\?page=\\d+)?$`));
    await expect(page.getByTestId(`${list}-empty`)).toHaveCount(0);
  }

  await page.goto("/admin/mail?page=99");
  await expect(page.getByTestId("mail-past-end")).toHaveText(/No rows on page 99: these results end before it\. Go to the first page/);
  await page.getByTestId("mail-past-end").getByRole("link", { name: "Go to the first page" }).click();
  await expect(page.getByTestId("caught-emails")).toBeVisible();
});

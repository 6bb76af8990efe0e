// On a 390 px phone every admin page fits the screen: nothing, the navigation included, makes the
// page scroll sideways. At 1280 px the header is one line, with every section visible.
import { expect, test } from "@playwright/test";
import { adminPageUrls, makeQuoteOrderAndMail } from "../admin-pages";

const PHONE = { width: 390, height: 844 };

test("every admin page fits a 390 px phone without sideways scrolling", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await makeQuoteOrderAndMail(page, browser, "Phone");
  const pages = await adminPageUrls(page);
  await page.setViewportSize(PHONE);
  const tooWide: string[] = [];
  for (const { file, url } of pages) {
    await page.goto(url);
    await expect(page.getByRole("navigation", { name: "Admin" }), `${url} shows the admin's navigation`).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > PHONE.width) tooWide.push(`${url} (${file}): ${width} px`);
  }
  console.info(`layout-phone: ${pages.length} admin pages at ${PHONE.width} px, ${tooWide.length} too wide`);
  expect(tooWide).toEqual([]);
});

test("on a phone the navigation scrolls inside its own row and every section stays reachable", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto("/admin");
  const nav = page.getByRole("navigation", { name: "Admin" });
  const box = await nav.boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
  const settings = nav.getByRole("link", { name: "Settings" });
  await settings.scrollIntoViewIfNeeded();
  await expect(settings).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  // The icon-only buttons still say what they are.
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Your account/ })).toBeVisible();
});

test("at 1280 px the header is one line and shows every section", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/admin");
  const header = page.locator("header").first();
  const parts = [
    header.getByRole("link", { name: "Snow Spoiled Gifts" }),
    header.getByRole("navigation", { name: "Admin" }),
    header.getByRole("link", { name: /^Your account/ }),
    header.getByRole("button", { name: "Sign out" }),
  ];
  const boxes = await Promise.all(parts.map(async (part) => (await part.boundingBox())!));
  // One line: every part's vertical middle within a few pixels of the first's.
  const middles = boxes.map((box) => box.y + box.height / 2);
  for (const middle of middles) expect(Math.abs(middle - middles[0]!)).toBeLessThan(6);
  // And nothing of the navigation hidden behind its scroller.
  const nav = parts[1]!;
  const { scrollWidth, clientWidth } = await nav.evaluate((element) => ({ scrollWidth: element.scrollWidth, clientWidth: element.clientWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveText(/Sign out/);
});

// axe (the accessibility engine browsers' audits use) finds no serious or critical violation on
// any admin page, on a desktop and on a 390 px phone.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { adminPageUrls, makeQuoteOrderAndMail } from "../admin-pages";

const VIEWPORTS = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
] as const;

async function seriousViolations(page: Page): Promise<string[]> {
  // The email previews are sandboxed iframes (no scripts): axe cannot look inside, and the
  // customer's email is not the admin's page.
  const result = await new AxeBuilder({ page }).exclude("iframe[sandbox]").analyze();
  return result.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 3).join(", ")}`);
}

test("axe finds no serious or critical violation on any admin page, on a desktop and on a phone", async ({ page, browser }) => {
  test.setTimeout(300_000);
  await makeQuoteOrderAndMail(page, browser, "Axe");
  const pages = await adminPageUrls(page);
  const found: string[] = [];
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    for (const { url } of pages) {
      await page.goto(url);
      await expect(page.getByRole("navigation", { name: "Admin" }), `${url} shows the admin's navigation`).toBeVisible();
      for (const violation of await seriousViolations(page)) found.push(`${viewport.name} ${url}: ${violation}`);
    }
  }
  console.info(`a11y: ${pages.length} admin pages × ${VIEWPORTS.length} viewports, ${found.length} serious or critical violations`);
  expect(found).toEqual([]);
});

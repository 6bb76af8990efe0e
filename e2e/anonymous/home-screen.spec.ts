// The admin is used from a phone's home screen: every page links the web manifest, which names the
// app after the business (BUSINESS_NAME, unset here, so the default) and whose icons all load.
import { expect, test } from "@playwright/test";

test("the login page links a manifest named after the business, and its icons load", async ({ page, request }) => {
  await page.goto("/login");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBeTruthy();

  const response = await request.get(href!);
  expect(response.status()).toBe(200);
  const manifest = (await response.json()) as { name: string; start_url: string; display: string; icons: { src: string; type: string }[] };
  expect(manifest.name).toBe("Snow Spoiled Gifts");
  expect(manifest.start_url).toBe("/admin");
  expect(manifest.display).toBe("standalone");
  expect(manifest.icons.length).toBeGreaterThan(0);
  for (const icon of manifest.icons) {
    const file = await request.get(icon.src);
    expect(file.status(), icon.src).toBe(200);
    expect(file.headers()["content-type"], icon.src).toContain(icon.type);
  }
});

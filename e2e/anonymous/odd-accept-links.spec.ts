import { expect, test } from "@playwright/test";

// Accept links are typed, cut and pasted by people and scanned by bots: an undecodable or odd
// token is an unknown link, never a server error.
const ODD_TOKENS = [
  "%ud800", // not a percent escape at all (a JSON escape pasted into a URL)
  "%ED%A0%80", // a lone surrogate, UTF-8 encoded
  "%E0%A4%A", // a cut-off escape
  "%ff%fe", // bytes that are no UTF-8
  "%00",
  "%F0%9F%8E%80", // an emoji
  "..%2F..%2Fadmin",
  "A".repeat(4000),
];

test.describe("an odd accept link", () => {
  for (const token of ODD_TOKENS) {
    test(`/q/${token.slice(0, 20)} shows the link-not-found page`, async ({ page }) => {
      const response = await page.goto(`/q/${token}`);
      expect(response?.status()).toBeLessThan(500);
      await expect(page.getByRole("heading", { name: "We could not find this quote" })).toBeVisible();
    });
  }
});

test("an undecodable path elsewhere answers the 404 page, not a 500", async ({ request }) => {
  for (const path of ["/quote/%ud800", "/no%E0%A4%Awhere"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(response.headers()["content-security-policy"], path).toContain("frame-ancestors 'none'");
  }
});

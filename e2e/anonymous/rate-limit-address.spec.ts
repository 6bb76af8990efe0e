// The per-IP quote limit keys on the connection, not on a header the client sends. Each test
// starts its own app through `npm start`'s path with a limit of 3 and sends the form from one
// connection address (127.0.0.1) with made-up forwarding headers.
import { expect, test, type Page } from "@playwright/test";
import { startAppProcess, stopAppProcess, type TAppProcess } from "../app-process";

const LIMIT = 3;
const RATE_LIMITED = /^We have received several requests from your connection\. Please try again in \d+ minutes?/;

const startApp = (port: number, trustProxy: boolean) => startAppProcess(port, { QUOTE_RATE_LIMIT: String(LIMIT), TRUST_PROXY: String(trustProxy) });

/** Sends the form with the given request headers; returns the quote number or the form's error. */
async function submitQuote(page: Page, app: TAppProcess, email: string, headers: Record<string, string>): Promise<string> {
  await page.setExtraHTTPHeaders(headers);
  await page.goto(`${app.url}/quote`);
  await page.getByLabel("Your name").fill("Made Up");
  await page.getByRole("radio", { name: /Email/ }).check();
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("What is the gift for?").fill("A birthday hamper");
  await page.getByLabel("Budget (R)").fill("900");
  await page.getByRole("button", { name: "Request my quote" }).click();
  const outcome = page.getByTestId("quote-number").or(page.getByTestId("form-error"));
  await expect(outcome).toBeVisible();
  return (await outcome.textContent())!.trim();
}

test.describe.configure({ mode: "serial", timeout: 180_000 });

test("without TRUST_PROXY, made-up X-Forwarded-For values from one address share one limit", async ({ page }) => {
  const app = await startApp(3107, false);
  try {
    const outcomes: string[] = [];
    for (let index = 1; index <= 7; index++) {
      outcomes.push(
        await submitQuote(page, app, `made-up-${index}@example.com`, {
          "x-forwarded-for": `203.0.113.${index}`,
          // Our own header is the server's to write: a client's copy is thrown away.
          "x-ssg-peer-address": `198.51.100.${index}`,
        }),
      );
    }
    expect(outcomes.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(expect.stringMatching(/^Q-\d{4}-\d{4}$/)));
    expect(outcomes.slice(LIMIT)).toEqual(Array(7 - LIMIT).fill(expect.stringMatching(RATE_LIMITED)));
  } finally {
    expect(await stopAppProcess(app)).toBe(0);
  }
});

test("with TRUST_PROXY, each first X-Forwarded-For hop has its own limit", async ({ page }) => {
  const app = await startApp(3108, true);
  try {
    // The proxy appended its own hop; the first one is the client it saw.
    const viaProxy = (client: string) => ({ "x-forwarded-for": `${client}, 10.0.0.2` });
    for (let index = 1; index <= 7; index++) {
      expect(await submitQuote(page, app, `client-${index}@example.com`, viaProxy(`203.0.113.${index}`))).toMatch(/^Q-\d{4}-\d{4}$/);
    }
    for (let repeat = 2; repeat <= LIMIT; repeat++) {
      expect(await submitQuote(page, app, `client-1-again-${repeat}@example.com`, viaProxy("203.0.113.1"))).toMatch(/^Q-\d{4}-\d{4}$/);
    }
    expect(await submitQuote(page, app, "client-1-once-more@example.com", viaProxy("203.0.113.1"))).toMatch(RATE_LIMITED);
  } finally {
    expect(await stopAppProcess(app)).toBe(0);
  }
});

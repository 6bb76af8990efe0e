// Against the built app: every server action in Next's manifest, every admin page and every API
// route found under app/ refuses an anonymous caller. Nothing is listed by hand but the few
// public entry points (test/app-inventory.ts), so actions and pages added later are covered.
import { expect, test } from "@playwright/test";
import { isPublicPage, pageFiles, PUBLIC_ACTION_FILES, PUBLIC_ROUTE_FILES, routeFiles, urlPathOf } from "../../test/app-inventory";
import { builtServerActions, postServerAction } from "../server-actions";

// Copied from lib/action.ts on purpose: the spec checks what the browser is told.
const SIGNED_OUT = "Your session has ended. Sign in again to continue.";

test("every non-public server action refuses an anonymous call with the typed signed-out result", async ({ request }) => {
  const actions = builtServerActions();
  const guarded = actions.filter((action) => !(action.file in PUBLIC_ACTION_FILES));
  console.info(`inventory (built app): ${actions.length} server actions, ${guarded.length} guarded, ${actions.length - guarded.length} public`);
  expect(guarded.length).toBeGreaterThan(10);
  for (const action of guarded) {
    const label = `${action.file} ${action.name}`;
    // Without a cookie the proxy stops the forwarded call before the action runs: nothing comes back.
    const bare = await postServerAction(request, action.id);
    expect(bare.status, label).toBe(200);
    expect(bare.text === "{}" || bare.text.includes(SIGNED_OUT), `${label}: ${bare.text}`).toBe(true);
    // With a forged cookie the action runs, and its own check refuses.
    const forged = await postServerAction(request, action.id, { cookie: "next-auth.session-token=forged" });
    expect(forged.status, label).toBe(200);
    expect(forged.text, label).toContain(SIGNED_OUT);
    expect(forged.text, label).not.toContain('"data"');
  }
});

test("the public server actions answer an empty call with validation errors, not a 500", async ({ request }) => {
  for (const action of builtServerActions().filter((a) => a.file in PUBLIC_ACTION_FILES)) {
    const { status, text } = await postServerAction(request, action.id);
    expect(status, `${action.file} ${action.name}`).toBe(200);
    expect(text, `${action.file} ${action.name}`).toContain("validationErrors");
  }
});

const adminPages = pageFiles().filter((file) => file.endsWith("page.tsx") && !isPublicPage(file));

test("every admin page sends an anonymous visitor to the login page, with or without a forged cookie", async ({ request }) => {
  expect(adminPages.length).toBeGreaterThan(10);
  for (const file of adminPages) {
    const path = urlPathOf(file);
    for (const cookie of [undefined, "next-auth.session-token=forged"]) {
      // The cookie gets past the proxy's "is there a cookie" shortcut, so the page's own check answers.
      const response = await request.get(path, { maxRedirects: 0, headers: cookie ? { cookie } : {} });
      expect([303, 307, 308], `${path} ${cookie ?? "no cookie"}`).toContain(response.status());
      expect(response.headers().location, path).toMatch(/\/login\?callbackUrl=%2Fadmin/);
    }
  }
});

test("every API route refuses an anonymous request", async ({ request }) => {
  for (const file of routeFiles().filter((f) => !(f in PUBLIC_ROUTE_FILES))) {
    const path = urlPathOf(file);
    for (const method of ["get", "post"] as const) {
      const response = await request[method](path, { maxRedirects: 0, ...(method === "post" ? { data: "{}", headers: { "content-type": "application/json" } } : {}) });
      expect([401, 403, 405], `${method.toUpperCase()} ${path}`).toContain(response.status());
    }
  }
});

// The owner invites a staff admin; the staff admin accepts by the emailed link (read from the
// built-in mail catcher), signs in, does not see Settings and cannot open or call it.
import { expect, test } from "@playwright/test";
import { OWNER_ONLY_PREFIX } from "../../test/app-inventory";
import { builtServerActions, postServerAction } from "../server-actions";

// Copied from lib/action.ts on purpose: the spec checks what the browser is told.
const FORBIDDEN = "Only an owner can do this. Ask an owner of this installation.";

test("an owner invites a staff admin, who signs in and cannot open or change settings", async ({ page, browser }) => {
  const email = `staff.${Date.now()}@example.com`;
  const password = "staff-password-1234";

  await page.goto("/admin/settings/admins");
  await expect(page.getByRole("heading", { name: "Admins" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("staff");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByTestId("admin-row").filter({ hasText: email })).toContainText("Invited");

  // The invitation, as the built-in mail catcher kept it.
  await page.goto("/admin/mail");
  await page.getByTestId("caught-emails").getByRole("listitem").filter({ hasText: email }).getByRole("link").first().click();
  const text = (await page.getByTestId("caught-email-text").textContent()) ?? "";
  const link = text.match(/https?:\/\/\S+\/login\/invite\/[A-Za-z0-9_-]{43}/)?.[0];
  expect(link, "the invitation link").toBeTruthy();

  const staffContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const staff = await staffContext.newPage();
  await staff.goto(new URL(link!).pathname);
  await expect(staff.getByRole("heading", { name: "Accept the invitation" })).toBeVisible();
  await staff.getByLabel("Your name").fill("Sipho Staff");
  await staff.getByLabel("New password", { exact: true }).fill(password);
  await staff.getByLabel("New password again").fill(password);
  await staff.getByRole("button", { name: "Create my account" }).click();

  await expect(staff.getByTestId("login-notice")).toContainText("Your account is ready");
  await expect(staff.getByLabel("Email")).toHaveValue(email);
  await staff.getByLabel("Password").fill(password);
  await staff.getByRole("button", { name: "Sign in" }).click();
  await expect(staff.getByRole("heading", { name: "Dashboard" })).toBeVisible();

  // Staff are not offered Settings, and cannot open it by address either.
  const nav = staff.getByRole("navigation", { name: "Admin" });
  await expect(nav.getByRole("link", { name: "Quotes" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Settings" })).toHaveCount(0);
  for (const path of ["/admin/settings/notifications", "/admin/settings/admins"]) {
    await staff.goto(path);
    await expect(staff.getByRole("heading", { name: "Only owners can open this page" })).toBeVisible();
  }
  // Nor call its actions: every owner-only action id in the build answers "forbidden".
  const ownerOnly = builtServerActions().filter((action) => action.file.startsWith(OWNER_ONLY_PREFIX));
  expect(ownerOnly.length).toBeGreaterThan(3);
  for (const action of ownerOnly) {
    const { text } = await postServerAction(staff.request, action.id);
    expect(text, `${action.file} ${action.name}`).toContain(FORBIDDEN);
  }
  await staffContext.close();

  // The owner sees the account active and the history says who did what.
  await page.goto("/admin/settings/admins");
  await expect(page.getByTestId("admin-row").filter({ hasText: email })).toContainText("Active");
  const history = page.getByTestId("admin-history");
  await expect(history).toContainText(`invited ${email} (as staff)`);
  await expect(history).toContainText("Sipho Staff accepted the invitation");
});

test("a signed-in admin sent to the login page with a callback to another site stays on this one", async ({ page }) => {
  // Written as an attacker would put them in a link: the server decodes %5C to a backslash and %09 to a tab.
  for (const callback of ["/%5Cevil.example", "/%09/evil.example", "//evil.example", "https://evil.example/", "javascript:alert(1)"]) {
    await page.goto(`/login?callbackUrl=${callback}`);
    await expect(page, callback).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/admin$/);
  }
  await page.goto(`/login?callbackUrl=${encodeURIComponent("/admin/orders?status=ready")}`);
  await expect(page).toHaveURL(/\/admin\/orders\?status=ready$/);
});

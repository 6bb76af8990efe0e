// Every admin page, server action and route handler found under app/ refuses an anonymous
// caller, and every owner-only one refuses staff too. The lists are discovered, not written down:
// a new action or page is covered the day it is added (see test/app-inventory.ts for the few
// public entry points and why they are public).
import { beforeAll, describe, expect, it, vi } from "vitest";
import path from "node:path";
import { db } from "@/lib/db";
import { FORBIDDEN_OWNER_MESSAGE } from "@/lib/action";
import { SIGNED_OUT_MESSAGE } from "@/lib/auth/signed-out-message";
import {
  isPublicPage,
  OWNER_ONLY_PREFIX,
  pageFiles,
  paramsOf,
  PUBLIC_ACTION_FILES,
  PUBLIC_ROUTE_FILES,
  routeFiles,
  serverActionFiles,
  urlPathOf,
} from "@/test/app-inventory";

type TSession = { user: { id: string; email: string; sessionVersion: number } } | null;
let session: TSession = null;
vi.mock("next-auth", async (original) => ({ ...(await original<typeof import("next-auth")>()), getServerSession: async () => session }));
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), unstable_cache: (fn: unknown) => fn }));

const root = path.resolve(import.meta.dirname, "..");
const load = (file: string) => import(/* @vite-ignore */ path.join(root, file)) as Promise<Record<string, unknown>>;

let staffSession: TSession = null;

beforeAll(async () => {
  const staff = await db.adminUser.create({ data: { email: "inventory-staff@example.com", name: "Staff", role: "staff", passwordHash: "x" } });
  staffSession = { user: { id: staff.id, email: staff.email, sessionVersion: staff.sessionVersion } };
});

/** Where a redirect() thrown by a page or layout points, or null when it did not redirect. */
async function redirectOf(render: () => unknown): Promise<string | null> {
  try {
    await render();
    return null;
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (!digest.startsWith("NEXT_REDIRECT")) throw error;
    return digest.split(";")[2] ?? "";
  }
}

const actionFiles = serverActionFiles();
const pages = pageFiles();
const routes = routeFiles();

describe("the inventory", () => {
  it("found the app's entry points", () => {
    console.info(`inventory: ${actionFiles.length} action files, ${pages.length} pages and layouts, ${routes.length} route handlers`);
    expect(actionFiles).toContain("app/admin/settings/admins/actions.ts");
    expect(pages).toContain("app/admin/page.tsx");
    expect(routes).toContain("app/api/webhooks/whatsapp/route.ts");
    // Every allowlisted file still exists, so the allowlist cannot silently cover a new file.
    for (const file of Object.keys(PUBLIC_ACTION_FILES)) expect(actionFiles).toContain(file);
    for (const file of Object.keys(PUBLIC_ROUTE_FILES)) expect(routes).toContain(file);
  });
});

describe.each(actionFiles)("server actions in %s", (file) => {
  const isPublic = file in PUBLIC_ACTION_FILES;

  it(isPublic ? "answer an anonymous empty call with a typed result, never a throw" : "refuse an anonymous caller before anything runs", async () => {
    session = null;
    const actions = Object.entries(await load(file)).filter(([, value]) => typeof value === "function");
    expect(actions.length).toBeGreaterThan(0);
    for (const [name, action] of actions) {
      const result = (await (action as (input: unknown) => Promise<unknown>)({})) as Record<string, unknown> | undefined;
      if (isPublic) expect(result, name).toHaveProperty("validationErrors");
      else expect(result, name).toEqual({ serverError: SIGNED_OUT_MESSAGE });
    }
  });

  if (file.startsWith(OWNER_ONLY_PREFIX)) {
    it("refuse staff with a typed forbidden result", async () => {
      session = staffSession;
      for (const [name, action] of Object.entries(await load(file))) {
        if (typeof action !== "function") continue;
        expect(await (action as (input: unknown) => Promise<unknown>)({}), name).toEqual({ serverError: FORBIDDEN_OWNER_MESSAGE });
      }
    });
  }
});

describe.each(pages.filter((file) => !isPublicPage(file)))("the admin page %s", (file) => {
  const props = () => ({ params: Promise.resolve(paramsOf(file)), searchParams: Promise.resolve({}), children: null });

  it("sends an anonymous visitor to the login page", async () => {
    session = null;
    const { default: Page } = await load(file);
    const target = await redirectOf(() => (Page as (p: unknown) => unknown)(props()));
    expect(target).toMatch(/^\/login\?callbackUrl=%2Fadmin/);
  });

  if (file.startsWith(OWNER_ONLY_PREFIX)) {
    it("sends staff to the owners-only page", async () => {
      session = staffSession;
      const { default: Page } = await load(file);
      expect(await redirectOf(() => (Page as (p: unknown) => unknown)(props()))).toBe("/admin/owners-only");
    });
  }
});

describe.each(routes.filter((file) => !(file in PUBLIC_ROUTE_FILES)))("the route handler %s", (file) => {
  it("refuses an anonymous request for every method it serves", async () => {
    session = null;
    const handlers = Object.entries(await load(file)).filter(([name]) => /^(GET|POST|PUT|PATCH|DELETE)$/.test(name));
    expect(handlers.length).toBeGreaterThan(0);
    for (const [method, handler] of handlers) {
      const url = `http://localhost:3000${urlPathOf(file)}`;
      const request = new Request(url, { method, body: method === "GET" ? undefined : "{}", headers: { "content-type": "application/json" } });
      const response = (await (handler as (r: Request, c: unknown) => Promise<Response>)(request, { params: Promise.resolve(paramsOf(file)) })) as Response;
      expect([401, 403], `${method} ${url}`).toContain(response.status);
    }
  });
});

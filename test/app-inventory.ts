// Finds the app's entry points on disk, so guard tests cover every page, server action and route
// handler, including ones added later, without a hand-kept list.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export const APP_ROOT = path.resolve(import.meta.dirname, "..", "app");

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const relative = (file: string) => path.relative(path.dirname(APP_ROOT), file).split(path.sep).join("/");

/** Files (relative to the project) whose module starts with "use server": every server action. */
export function serverActionFiles(): string[] {
  return walk(APP_ROOT)
    .filter((file) => /\.(ts|tsx)$/.test(file) && !/\.test\.tsx?$/.test(file))
    .filter((file) => /^\s*(\/\/[^\n]*\n|\s)*["']use server["']/.test(readFileSync(file, "utf8")))
    .map(relative)
    .sort();
}

export function pageFiles(): string[] {
  return walk(APP_ROOT).filter((file) => /[/\\](page|layout)\.tsx$/.test(file)).map(relative).sort();
}

export function routeFiles(): string[] {
  return walk(APP_ROOT).filter((file) => /[/\\]route\.ts$/.test(file)).map(relative).sort();
}

// A catch-all segment gets a few segments shaped like a Graph API path, so the WhatsApp sandbox
// (the only catch-all route) gets past its path check to the access-token check.
const CATCH_ALL = ["v26.0", "made-up-id", "messages"];

/** The URL path a page or route file serves, with each [param] replaced by a made-up value. */
export function urlPathOf(file: string): string {
  const segments = file
    .replace(/^app\//, "")
    .replace(/\/?(page|layout)\.tsx$|\/?route\.ts$/, "")
    .split("/")
    .filter((segment) => segment && !/^\(.*\)$/.test(segment))
    .map((segment) => (segment.startsWith("[...") ? CATCH_ALL.join("/") : segment.startsWith("[") ? "made-up-id" : segment));
  return `/${segments.join("/")}`;
}

/** The made-up params object for a file's dynamic segments ([id] → { id }, [...path] → { path: [...] }). */
export function paramsOf(file: string): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const match of file.matchAll(/\[(\.\.\.)?([^\]]+)\]/g)) params[match[2]!] = match[1] ? CATCH_ALL : "made-up-id";
  return params;
}

// The public entry points, each with the reason it needs no session. Everything else must refuse
// anonymous callers; the owner-only ones (below) must refuse staff as well.
export const PUBLIC_ACTION_FILES: Record<string, string> = {
  "app/(public)/quote/actions.ts": "the customer's quote request form",
  "app/(public)/q/[token]/actions.ts": "the customer's accept/decline link (needs its token)",
  "app/login/actions.ts": "reset request, reset and invitation (throttled, or need a single-use token)",
};
export const PUBLIC_PAGE_PREFIXES = ["app/(public)/", "app/login/", "app/page.tsx", "app/layout.tsx"];
export const PUBLIC_ROUTE_FILES: Record<string, string> = {
  "app/api/auth/[...nextauth]/route.ts": "next-auth's sign-in endpoints",
  "app/api/health/route.ts": "the reverse proxy's liveness check (no data, no database)",
};
/** Owner-only: settings (pages and actions) and admin management. */
export const OWNER_ONLY_PREFIX = "app/admin/settings/";

export const isPublicPage = (file: string) => PUBLIC_PAGE_PREFIXES.some((prefix) => file === prefix || file.startsWith(prefix));

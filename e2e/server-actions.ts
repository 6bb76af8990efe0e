// The server actions of the built app, read from Next's own manifest, and a way to call one the
// way a browser does (POST with the Next-Action header), so tests can try every action id
// without a page that shows it.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";

export type TBuiltAction = { id: string; file: string; name: string };

type TManifestEntry = { filename?: string; exportedName?: string; workers?: Record<string, { filename?: string; exportedName?: string }> };

const MANIFEST = path.resolve(import.meta.dirname, "..", ".next", "server", "server-reference-manifest.json");

/** Every action id in the build, with the source file ("app/...") and export it comes from. */
export function builtServerActions(): TBuiltAction[] {
  const manifest = JSON.parse(readFileSync(MANIFEST, "utf8")) as { node?: Record<string, TManifestEntry>; edge?: Record<string, TManifestEntry> };
  const entries = { ...manifest.edge, ...manifest.node };
  return Object.entries(entries).map(([id, entry]) => {
    const worker = Object.values(entry.workers ?? {})[0];
    const filename = (entry.filename ?? worker?.filename ?? "").replace(/\\/g, "/");
    const file = filename.slice(Math.max(0, filename.indexOf("app/")));
    return { id, file, name: entry.exportedName ?? worker?.exportedName ?? "?" };
  });
}

/**
 * Calls one action with one argument, as the browser's action call would, and returns the RSC text.
 * Next forwards the call to the page that owns the action; for /admin pages the proxy answers a
 * request without a session cookie with a redirect, and Next then returns a bare `{}`. Pass a
 * (forged) `cookie` to get past that shortcut, so the action's own session check answers.
 */
export async function postServerAction(request: APIRequestContext, id: string, options: { argument?: unknown; cookie?: string } = {}) {
  const response = await request.post("/login", {
    headers: {
      "Next-Action": id,
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      ...(options.cookie ? { cookie: options.cookie } : {}),
    },
    data: JSON.stringify([options.argument ?? {}]),
    maxRedirects: 0,
  });
  return { status: response.status(), text: await response.text() };
}

// The production web server `npm start` runs (Next's documented custom server): the built app,
// with each request's connection address written into its headers before Next sees it
// (lib/peer-address.ts), so a per-IP limit never keys on a header the client chose.
// Started by `node scripts/server.cjs` (see there why). Needs a build, NODE_ENV=production,
// PORT and HOSTNAME: scripts/start.ts provides them, and so does scripts/bench/server.ts, so the
// benchmarks measure this server.
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import nextPackage from "next/package.json";

import { env } from "../lib/env.ts";
import { stampPeerAddress } from "../lib/peer-address.ts";

/** Prepares the app, then listens on PORT and HOSTNAME. */
export function serve(): void {
  const root = path.resolve(import.meta.dirname, "..");
  const startedAt = Date.now();
  const port = env.PORT;
  const hostname = process.env.HOSTNAME || "0.0.0.0";

  // Tells instrumentation-node.ts to handle SIGTERM/SIGINT (a custom server gets no handler from
  // Next): it lets the dispatcher finish its sends in flight, then exits.
  process.env.NEXT_MANUAL_SIG_HANDLE = "true";

  const app = next({ dev: false, dir: root, hostname, port });
  const handle = app.getRequestHandler();

  const server = createServer((request, response) => {
    stampPeerAddress(request.headers, request.socket.remoteAddress, env.TRUST_PROXY);
    handle(request, response).catch((error: unknown) => {
      console.error(`Failed to handle ${request.method} ${request.url}:`, error);
      if (!response.headersSent) response.statusCode = 500;
      response.end();
    });
  });

  server.on("error", (error) => {
    console.error("Failed to start the server:", error.message);
    process.exit(1);
  });

  app.prepare().then(
    () =>
      server.listen(port, hostname, () => {
        // The lines `next start` prints, so the output of `npm start` reads as before.
        const local = hostname === "0.0.0.0" || hostname === "::" ? "localhost" : hostname;
        console.log(`▲ Next.js ${nextPackage.version}`);
        console.log(`- Local:         http://${local}:${port}`);
        console.log(`- Network:       http://${hostname}:${port}`);
        console.log(`✓ Ready in ${Date.now() - startedAt}ms`);
      }),
    (error: unknown) => {
      console.error("Failed to start the app:", error);
      process.exit(1);
    },
  );

  // On SIGTERM/SIGINT this stops taking connections; instrumentation-node.ts finishes the sends
  // in flight and exits. Before the app has registered that handler (a signal during start-up)
  // nothing else would exit, so this does. `on`, not `once`: Ctrl-C reaches this process twice
  // (from the terminal and from start.ts), and a signal with no listener left would kill it
  // mid-send.
  let closing = false;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      server.close();
      if (process.listenerCount(signal) === 1) process.exit(0);
    });
  }
}

// The sandbox on its own loopback HTTP server (plain node:http), for tests and benchmarks that
// want the client to cross a real socket, as it does against Meta.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createGraphSandbox, type TSandboxOptions } from "@/lib/whatsapp/sandbox";
import { graphError } from "@/lib/whatsapp/sandbox/failures";

/** A Node request as a Fetch Request, body and repeated headers included. */
export async function toFetchRequest(req: http.IncomingMessage): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(key, item);
  }
  const bodyless = req.method === "GET" || req.method === "HEAD";
  return new Request(`http://${req.headers.host ?? "127.0.0.1"}${req.url ?? "/"}`, {
    method: req.method,
    headers,
    body: bodyless ? undefined : Buffer.concat(chunks),
  });
}

export type TSandboxServer = {
  url: string;
  sandbox: ReturnType<typeof createGraphSandbox>;
  close: () => Promise<void>;
};

export async function startSandboxServer(options: TSandboxOptions & { port?: number; host?: string }): Promise<TSandboxServer> {
  const sandbox = createGraphSandbox(options);
  const server = http.createServer(async (req, res) => {
    try {
      const response = await sandbox.handle(await toFetchRequest(req));
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      // A client that went away mid-request (a killed worker) has nobody left to answer.
      if (req.destroyed || res.destroyed) return;
      // A sandbox bug answers like a Meta outage instead of killing the test run.
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify(graphError(1, `Sandbox error: ${error instanceof Error ? error.message : String(error)}`)));
    }
  });
  // Node closes idle keep-alive sockets after 5 s, racing clients that reuse them (ECONNRESET on a
  // send whose outcome is then unknown). Meta keeps them far longer; so does the sandbox.
  server.keepAliveTimeout = 65_000;
  // Malformed requests and resets before a request starts: drop that socket, keep serving.
  server.on("clientError", (_error, socket) => socket.destroy());
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    sandbox,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets from fetch would otherwise hold close() open for seconds.
        server.closeAllConnections();
      }),
  };
}

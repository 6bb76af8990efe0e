// The sandbox on its own loopback HTTP server, for tests and benchmarks.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createGraphSandbox, type TSandboxOptions } from "@/lib/whatsapp/sandbox";

/** A Node request as a Fetch Request, body included. */
export async function toFetchRequest(req: http.IncomingMessage): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new Request(`http://127.0.0.1${req.url}`, {
    method: req.method,
    headers: Object.entries(req.headers).flatMap(([key, value]) => (typeof value === "string" ? [[key, value] as [string, string]] : [])),
    body: req.method === "GET" || req.method === "HEAD" ? undefined : Buffer.concat(chunks),
  });
}

export async function startSandboxServer(options: TSandboxOptions & { port?: number }) {
  const sandbox = createGraphSandbox(options);
  const server = http.createServer(async (req, res) => {
    const response = await sandbox.handle(await toFetchRequest(req));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sandbox,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

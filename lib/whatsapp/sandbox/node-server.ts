// The sandbox on its own loopback HTTP server, for tests and benchmarks.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createGraphSandbox, type TSandboxOptions } from "@/lib/whatsapp/sandbox";

export async function startSandboxServer(options: TSandboxOptions & { port?: number }) {
  const sandbox = createGraphSandbox(options);
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    const request = new Request(`http://127.0.0.1${req.url}`, {
      method: req.method,
      headers: Object.entries(req.headers).flatMap(([key, value]) => (typeof value === "string" ? [[key, value] as [string, string]] : [])),
      body: req.method === "GET" || req.method === "HEAD" ? undefined : body,
    });
    const response = await sandbox.handle(request);
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

// A loopback HTTP server that hands each request to a Fetch-style handler: the app's route
// handlers, or a recorder, reached over real HTTP the way Meta would reach them.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { toFetchRequest } from "@/lib/whatsapp/sandbox/node-server";

export async function startReceiver(handler: (request: Request) => Promise<Response> | Response) {
  const server = http.createServer(async (req, res) => {
    try {
      const response = await handler(await toFetchRequest(req));
      res.writeHead(response.status);
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      // A client that went away mid-request (a killed worker) has nobody left to answer; an
      // unhandled rejection here would fail a test run whose tests all passed.
      if (req.destroyed || res.destroyed) return;
      res.writeHead(500);
      res.end(String(error));
    }
  });
  // Malformed requests and resets before a request starts: drop that socket, keep serving.
  server.on("clientError", (_error, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A loopback port that was free a moment ago, for servers whose address must be known first. */
export async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

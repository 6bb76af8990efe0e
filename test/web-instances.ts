// Two web instances of the webhook route (test/web-instance-process.ts, each its own process)
// behind a round-robin proxy on loopback, the way a reverse proxy spreads Meta's webhooks.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { startReceiver } from "@/test/http-receiver";

const root = path.resolve(import.meta.dirname, "..");

function startInstance(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ["--import", path.join(root, "scripts", "node-hooks.mjs"), path.join(root, "test", "web-instance-process.ts")], { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      const found = /web instance at (\S+)/.exec(chunk.toString());
      if (found) resolve({ child, url: found[1]! });
    });
    child.once("exit", (code) => reject(new Error(`a web instance exited early with code ${code}`)));
  });
}

export async function startWebInstances(count: number, env: NodeJS.ProcessEnv = process.env) {
  const instances = await Promise.all(Array.from({ length: count }, () => startInstance(env)));
  const served = instances.map(() => 0);
  let next = 0;
  const proxy = await startReceiver(async (request) => {
    const index = next++ % instances.length;
    served[index]!++;
    const url = new URL(request.url);
    const headers = new Headers(request.headers);
    for (const hop of ["host", "connection", "content-length", "transfer-encoding"]) headers.delete(hop);
    return fetch(`${instances[index]!.url}${url.pathname}${url.search}`, { method: request.method, headers, body: await request.arrayBuffer() });
  });
  return {
    /** Where Meta (the sandbox) posts: the proxy. */
    url: proxy.url,
    /** Requests each instance was given. */
    served: served as readonly number[],
    async close() {
      await proxy.close();
      await Promise.all(
        instances.map(({ child }) => {
          const exited = new Promise((resolve) => child.once("exit", resolve));
          child.kill("SIGTERM");
          return exited;
        }),
      );
    },
  };
}

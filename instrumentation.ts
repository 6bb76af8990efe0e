// Runs once per server process before requests are served. The Node.js work lives in its own
// module, imported only on that runtime, so it never reaches the edge bundle.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { registerNode } = await import("./instrumentation-node");
  await registerNode();
}

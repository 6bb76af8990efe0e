// A Node resolve hook (registered by scripts/node-hooks.mjs). "server-only" throws on import
// unless it is resolved under the "react-server" condition, which Next's server bundles do for
// the app. Scripts that Node runs directly (start, worker, seed, benches) are server code too,
// so they get the same empty module; nothing else changes how it resolves.
export function resolve(specifier, context, nextResolve) {
  if (specifier !== "server-only") return nextResolve(specifier, context);
  return nextResolve(specifier, { ...context, conditions: [...context.conditions, "react-server"] });
}

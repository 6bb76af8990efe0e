// Preloaded into the Prisma CLI by the scripts that migrate (`node --require` this, see
// scripts/migration-tools.ts). On PostgreSQL the CLI's WASM schema engine leaves a 10 s timer
// running after `migrate deploy` is done (a lock timeout it never clears), and the process
// waits it out; long timers are unref'd so the command ends when its work does. Queries in
// flight still hold the process open (their sockets do).
const setTimeoutRef = globalThis.setTimeout;
globalThis.setTimeout = function setTimeoutUnrefLong(callback, ms, ...args) {
  const timer = setTimeoutRef(callback, ms, ...args);
  if (ms >= 10_000) timer.unref();
  return timer;
};

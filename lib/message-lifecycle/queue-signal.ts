// "A message was queued": a signal, within this process, from the code that queued it (after its
// transaction committed) to this process's dispatcher, if it runs one, so the message goes out
// without waiting for the dispatcher's idle pause. Without a dispatcher here (a separate worker)
// nothing listens and the worker's next round finds the message. On globalThis because Next
// evaluates modules once for instrumentation (where the dispatcher runs) and again for routes.
const globalForSignal = globalThis as unknown as { ssgQueuedListeners?: Set<() => void> };
const listeners = (globalForSignal.ssgQueuedListeners ??= new Set());

/** Tells this process's dispatcher that something is due now. */
export function announceQueued(): void {
  for (const listener of listeners) listener();
}

/** Calls `listener` on every announcement until the returned function is called. */
export function onQueued(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

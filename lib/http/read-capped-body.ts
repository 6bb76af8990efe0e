// Reads a request body up to a cap without ever holding more than the cap: a declared
// Content-Length over it is refused before reading, and a body without one (or one that lies)
// is counted chunk by chunk and the stream cancelled as soon as the count passes the cap.
export type TCappedBody = { ok: true; bytes: Uint8Array } | { ok: false };

/** A request, or a response being downloaded: anything with headers and a body stream. */
type TBodySource = Pick<Request, "headers" | "body">;

/** Whether the declared Content-Length already says the body is over `maxBytes`. */
export function declaresTooLarge(request: TBodySource, maxBytes: number): boolean {
  const declared = request.headers.get("content-length");
  return declared !== null && /^\d+$/.test(declared.trim()) && Number(declared.trim()) > maxBytes;
}

export async function readCappedBody(request: TBodySource, maxBytes: number): Promise<TCappedBody> {
  if (declaresTooLarge(request, maxBytes)) return { ok: false };
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Drops what was read and tells the source to stop; the rest is never buffered.
      await reader.cancel().catch(() => undefined);
      return { ok: false };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

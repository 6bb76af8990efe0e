// The route refuses what it should before reading it: an oversized Content-Length and an unsigned
// POST are answered without pulling the body, and a body without a length stops at the cap.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signWebhook, WEBHOOK_URL } from "@/test/webhook-requests";
import { POST } from "./route";

const CAP = 1_000_000;
const CHUNK = 64 * 1024;

/** A body of `total` bytes that counts how much of it was pulled. */
function countingStream(total: number) {
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= total) return controller.close();
      const size = Math.min(CHUNK, total - counter.pulled);
      counter.pulled += size;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
  });
  return { stream, counter };
}

function streamingPost(stream: ReadableStream<Uint8Array>, headers: Record<string, string>) {
  return POST(new Request(WEBHOOK_URL, { method: "POST", body: stream, headers, duplex: "half" } as RequestInit));
}

describe("POST body limits", () => {
  it("refuses a declared Content-Length over the cap with 413, before reading anything", async () => {
    const { stream, counter } = countingStream(300 * 1024 * 1024);
    const response = await streamingPost(stream, { "content-length": String(300 * 1024 * 1024), "x-hub-signature-256": "sha256=00" });
    expect(response.status).toBe(413);
    expect(counter.pulled).toBeLessThanOrEqual(CHUNK);
  });

  it("refuses an unsigned POST with 401 without reading its body", async () => {
    const { stream, counter } = countingStream(300 * 1024 * 1024);
    expect((await streamingPost(stream, {})).status).toBe(401);
    expect(counter.pulled).toBeLessThanOrEqual(CHUNK);
  });

  it("stops reading a body without a length at the cap and answers 413", async () => {
    const { stream, counter } = countingStream(300 * 1024 * 1024);
    const response = await streamingPost(stream, { "x-hub-signature-256": "sha256=00" });
    expect(response.status).toBe(413);
    // The cap plus the chunks the stream had queued ahead, never the 300 MB.
    expect(counter.pulled).toBeLessThan(CAP + 4 * CHUNK);
  });

  it("accepts a signed body of exactly the cap", async () => {
    const body = `{"object":"x","entry":[]${" ".repeat(CAP - 25)}}`;
    expect(new TextEncoder().encode(body).byteLength).toBe(CAP);
    const response = await POST(new Request(WEBHOOK_URL, { method: "POST", body, headers: { "x-hub-signature-256": signWebhook(body) } }));
    expect(response.status).toBe(200);
  });

  it("stores a signed body with raw NUL bytes and invalid UTF-8 as received text, without a 5xx", async () => {
    const bytes = new Uint8Array([0x7b, 0x00, 0xff, 0xfe, 0xed, 0xa0, 0x80, 0x7d]);
    const response = await POST(new Request(WEBHOOK_URL, { method: "POST", body: bytes, headers: { "x-hub-signature-256": signWebhook(bytes) } }));
    expect(response.status).toBe(200);
    // Whole: SQLite would have cut the text at the NUL.
    const stored = await db.webhookDelivery.findFirstOrThrow({ orderBy: { receivedAt: "desc" } });
    expect(stored.body).toBe("{\\u0000\ufffd\ufffd\ufffd\ufffd\ufffd}");
  });
});

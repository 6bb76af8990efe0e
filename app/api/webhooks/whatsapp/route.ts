// Meta's webhook endpoint. GET is the subscription handshake; POST carries statuses and inbound
// messages, signed with the app secret over the raw body. A POST is acknowledged once it is
// stored; applying it happens after the response (lib/messages/webhook-inbox.ts).
import { whatsappConfig } from "@/lib/env";
import { log } from "@/lib/log";
import { declaresTooLarge, readCappedBody } from "@/lib/http/read-capped-body";
import { verifyChallenge, verifySignature } from "@/lib/whatsapp/webhook";
import { storeWebhookDelivery } from "@/lib/messages/webhook-inbox";

// Meta's deliveries are a few kilobytes; a batch of many changes stays far below this.
const MAX_WEBHOOK_BODY_BYTES = 1_000_000;

const tooLarge = () => Response.json({ error: "Payload too large." }, { status: 413 });
const badSignature = () => {
  log.warn("whatsapp webhook with a bad or missing signature refused");
  return Response.json({ error: "Invalid signature." }, { status: 401 });
};

export async function GET(request: Request) {
  const result = verifyChallenge(new URL(request.url).searchParams, whatsappConfig.verifyToken);
  if (!result.ok) return new Response("Verification token does not match.", { status: 403 });
  return new Response(result.challenge, { status: 200, headers: { "content-type": "text/plain" } });
}

export async function POST(request: Request) {
  // Refused before a byte is read: too large by its own account, or not signed at all.
  if (declaresTooLarge(request, MAX_WEBHOOK_BODY_BYTES)) return tooLarge();
  const signature = request.headers.get("x-hub-signature-256");
  if (!signature?.startsWith("sha256=")) return badSignature();
  const body = await readCappedBody(request, MAX_WEBHOOK_BODY_BYTES);
  if (!body.ok) return tooLarge();
  if (!verifySignature(body.bytes, signature, whatsappConfig.appSecret)) return badSignature();
  try {
    // SQLite text ends at a NUL, so one would cut the stored body short. A raw NUL is never
    // valid JSON, so writing it out as \u0000 changes nothing but what an admin can read.
    await storeWebhookDelivery(new TextDecoder().decode(body.bytes).replaceAll("\u0000", "\\u0000"));
  } catch {
    // Not stored, so not acknowledged: Meta will deliver it again.
    return Response.json({ error: "Could not store the delivery; retry later." }, { status: 503 });
  }
  return new Response(null, { status: 200 });
}

// Meta's webhook endpoint. GET is the subscription handshake; POST carries statuses and inbound
// messages, signed with the app secret over the raw body. A POST is acknowledged once it is
// stored; applying it happens after the response (lib/messages/webhook-inbox.ts).
import { whatsappConfig } from "@/lib/env";
import { log } from "@/lib/log";
import { verifyChallenge, verifySignature } from "@/lib/whatsapp/webhook";
import { storeWebhookDelivery } from "@/lib/messages/webhook-inbox";

const MAX_BODY_BYTES = 1_000_000;

export async function GET(request: Request) {
  const result = verifyChallenge(new URL(request.url).searchParams, whatsappConfig.verifyToken);
  if (!result.ok) return new Response("Verification token does not match.", { status: 403 });
  return new Response(result.challenge, { status: 200, headers: { "content-type": "text/plain" } });
}

export async function POST(request: Request) {
  const raw = new Uint8Array(await request.arrayBuffer());
  if (raw.byteLength > MAX_BODY_BYTES) return Response.json({ error: "Payload too large." }, { status: 413 });
  if (!verifySignature(raw, request.headers.get("x-hub-signature-256"), whatsappConfig.appSecret)) {
    log.warn("whatsapp webhook with a bad or missing signature refused");
    return Response.json({ error: "Invalid signature." }, { status: 401 });
  }
  try {
    await storeWebhookDelivery(new TextDecoder().decode(raw));
  } catch {
    // Not stored, so not acknowledged: Meta will deliver it again.
    return Response.json({ error: "Could not store the delivery; retry later." }, { status: 503 });
  }
  return new Response(null, { status: 200 });
}

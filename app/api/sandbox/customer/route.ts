// Sandbox only, for signed-in admins: a customer's phone sends the business a WhatsApp message of
// any type (text, STOP/START, a quick-reply button, a button or list reply, a reaction, a photo or
// file, a location, contacts, Meta's unsupported), optionally replying to one of our wamids. The
// sandbox posts it to this app's webhook as Meta would (lib/whatsapp/sandbox/inbound.ts), so demos
// and the browser tests reach every inbound path without a phone.
import { z } from "zod";
import { getAdmin } from "@/lib/auth/session";
import { AppError, errorResponse } from "@/lib/errors";
import { getSandbox } from "@/lib/sandbox";
import { MEDIA_KINDS } from "@/lib/whatsapp/inbound-content";

const text = z.string().min(1).max(4096);
const ZFileSchema = z.object({
  /** The file's bytes, base64; a small stand-in file of the right type when left out. */
  base64: z.string().max(1_400_000).optional(),
  mimeType: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/),
  filename: z.string().max(240).optional(),
});

const ZCustomerMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text"), body: text }),
  z.object({ type: z.literal("button"), text: z.string().min(1).max(256), payload: z.string().max(256).optional() }),
  z.object({ type: z.enum(["button_reply", "list_reply"]), id: z.string().min(1).max(256), title: z.string().min(1).max(256), description: z.string().max(256).optional() }),
  z.object({ type: z.literal("reaction"), messageId: z.string().min(1).max(256), emoji: z.string().max(16) }),
  z.object({ type: z.enum(MEDIA_KINDS), file: ZFileSchema, caption: z.string().max(1024).optional(), voice: z.boolean().optional() }),
  z.object({ type: z.literal("location"), latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180), name: z.string().max(256).optional(), address: z.string().max(512).optional() }),
  z.object({ type: z.literal("contacts"), contacts: z.array(z.object({ name: z.string().min(1).max(256), phone: z.string().regex(/^\d{6,20}$/).optional(), email: z.email().optional() })).min(1).max(20) }),
  z.object({ type: z.literal("unsupported") }),
]);

const ZCustomerSendSchema = z.object({
  from: z.string().regex(/^\d{6,20}$/, "The customer's number: digits with the country code, no +."),
  message: ZCustomerMessageSchema,
  replyTo: z.string().min(1).max(256).optional(),
  profileName: z.string().min(1).max(256).optional(),
});

export async function POST(request: Request) {
  if (!(await getAdmin())) return errorResponse(new AppError("unauthorized", "Sign in to use the sandbox's customer phones."));
  const sandbox = getSandbox();
  if (!sandbox) return errorResponse(new AppError("not_found", "The WhatsApp sandbox is off: real credentials are configured."));
  const parsed = ZCustomerSendSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return errorResponse(new AppError("invalid_input", parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")));
  const { message, ...rest } = parsed.data;
  const sent = await sandbox.sendFromCustomer({
    ...rest,
    message:
      "file" in message
        ? { ...message, file: { mimeType: message.file.mimeType, filename: message.file.filename, bytes: message.file.base64 ? Buffer.from(message.file.base64, "base64") : `sandbox ${message.type}` } }
        : message,
  });
  return Response.json({ wamid: sent.wamid, mediaId: sent.mediaId ?? null, webhookStatus: sent.status });
}

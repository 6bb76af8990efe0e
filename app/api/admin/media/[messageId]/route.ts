// A customer's WhatsApp media file for a signed-in admin, fetched from the Graph API on the server
// (lib/messages/inbound-media.ts): the browser never sees the access token or Meta's URL. Pictures,
// audio and video open in the browser; anything else (a document, an SVG that could carry script)
// is a download. Never cached: the file is the customer's.
import { getAdmin } from "@/lib/auth/session";
import { AppError, errorResponse } from "@/lib/errors";
import { downloadInboundMedia } from "@/lib/messages/inbound-media";

const INLINE = /^(image\/(jpeg|png|webp|gif)|audio\/[a-z0-9.+-]+|video\/[a-z0-9.+-]+)(;|$)/i;

/** RFC 6266: an ASCII fallback and the UTF-8 name. */
function disposition(kind: "inline" | "attachment", filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export async function GET(_request: Request, { params }: RouteContext<"/api/admin/media/[messageId]">) {
  if (!(await getAdmin())) return errorResponse(new AppError("unauthorized", "Sign in to see customers' files."));
  const { messageId } = await params;
  try {
    const file = await downloadInboundMedia(messageId);
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        "content-type": file.contentType,
        "content-length": String(file.bytes.byteLength),
        "content-disposition": disposition(INLINE.test(file.contentType) ? "inline" : "attachment", file.filename),
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof AppError) return errorResponse(error);
    throw error;
  }
}

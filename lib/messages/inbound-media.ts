// A customer's WhatsApp media file, fetched for an admin: the Graph API says where the file is
// (GET /{media-id}), the file is downloaded with the access token, and the admin's browser gets
// only the bytes, never the token or Meta's URL. Files over WHATSAPP_MEDIA_MAX_BYTES are refused
// before (by the size Meta states) and while (by counting) they are read.
import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { readCappedBody } from "@/lib/http/read-capped-body";
import { getWhatsAppClient } from "@/lib/messages/whatsapp-client";
import type { TWhatsAppClient } from "@/lib/whatsapp/client";
import { WhatsAppError } from "@/lib/whatsapp/errors";

export type TMediaFile = { bytes: Uint8Array; contentType: string; filename: string };

// A MIME type as Meta writes it ("audio/ogg; codecs=opus"); anything else is served as bytes.
const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*(\s*;\s*[a-z0-9-]+=[a-z0-9._-]+)*$/i;
const EXTENSIONS: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "audio/ogg": "ogg",
  "audio/mpeg": "mp3",
  "audio/mp4": "m4a",
  "audio/aac": "aac",
  "video/mp4": "mp4",
  "video/3gpp": "3gp",
  "application/pdf": "pdf",
};

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, "")} MB`;

function tooLarge(size: number | null, maxBytes: number): AppError {
  const what = size === null ? "This file is larger" : `This file is ${megabytes(size)}, larger`;
  return new AppError("too_large", `${what} than the ${megabytes(maxBytes)} the app downloads (WHATSAPP_MEDIA_MAX_BYTES). Open it on the phone that received it.`);
}

function unavailable(error: unknown): AppError {
  // Meta keeps media for a limited time (30 days); after that the id is unknown (100).
  if (error instanceof WhatsAppError && error.code === 100) return new AppError("not_found", "WhatsApp no longer has this file: media can only be downloaded for a limited time after it was sent.");
  const reason = error instanceof WhatsAppError ? `${error.title} (code ${error.code}).` : "WhatsApp did not answer.";
  return new AppError("unavailable", `The file could not be downloaded from WhatsApp: ${reason} Try again in a moment.`);
}

export async function downloadInboundMedia(messageId: string, options: { maxBytes?: number; client?: TWhatsAppClient } = {}): Promise<TMediaFile> {
  const maxBytes = options.maxBytes ?? env.WHATSAPP_MEDIA_MAX_BYTES;
  const client = options.client ?? getWhatsAppClient();
  const message = await db.message.findFirst({
    where: { id: messageId, direction: "inbound", channel: "whatsapp", mediaId: { not: null } },
    select: { id: true, kind: true, mediaId: true, mediaMimeType: true, mediaFilename: true, mediaSize: true },
  });
  if (!message?.mediaId) throw new AppError("not_found", "This message has no file to download.");

  let info;
  let response;
  try {
    info = await client.getMedia(message.mediaId);
    if (Number.isFinite(info.file_size) && info.file_size > maxBytes) throw tooLarge(info.file_size, maxBytes);
    response = await client.openMedia(info.url);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unavailable(error);
  }
  const body = await readCappedBody(response, maxBytes);
  if (!body.ok) throw tooLarge(null, maxBytes);

  const mimeType = [info.mime_type, message.mediaMimeType].find((type): type is string => !!type && MIME.test(type)) ?? "application/octet-stream";
  // What the download taught us is kept once; opening the file again writes nothing.
  if (message.mediaSize !== body.bytes.byteLength || !message.mediaMimeType) {
    await db.message.update({ where: { id: message.id }, data: { mediaSize: body.bytes.byteLength, ...(message.mediaMimeType ? {} : { mediaMimeType: mimeType }) } });
  }
  const extension = EXTENSIONS[mimeType.split(";")[0]!.trim().toLowerCase()] ?? "bin";
  return { bytes: body.bytes, contentType: mimeType, filename: message.mediaFilename ?? `${message.kind}-${message.id}.${extension}` };
}

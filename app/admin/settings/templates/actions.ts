"use server";

// Settings → Templates. Owner-only through ownerActionClient: staff get a "forbidden" result.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ownerActionClient } from "@/lib/action";
import { AppError } from "@/lib/errors";
import { getWhatsAppClient } from "@/lib/messages/whatsapp-client";
import { syncTemplates } from "@/lib/templates/sync";

export const syncTemplatesAction = ownerActionClient.inputSchema(z.object({})).action(async () => {
  const result = await syncTemplates(getWhatsAppClient());
  // The page shows the last failure too; the admin who pressed the button reads it at once.
  if (!result.ok) throw new AppError("unavailable", `The templates could not be synced: ${result.title}. ${result.action}`);
  revalidatePath("/admin/settings", "layout");
  return { templates: result.templates, pages: result.pages, added: result.added, deleted: result.deleted, changed: result.changed };
});

"use server";

// The notification settings page's server actions: save one event's setting, and preview the
// form's unsaved values on a real quote or order. Both go through the owner wrapper (session,
// owner role and zod parse: settings are the owner's); the rules live in lib/notifications.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ZTextSchema } from "@/lib/zod/text";
import { ownerActionClient } from "@/lib/action";
import { previewNotification } from "@/lib/outbox/preview";
import { saveNotificationSetting } from "@/lib/notifications/save-setting";
import { loadTemplateCatalog } from "@/lib/messages/template-catalog";
import { ZNotificationSettingSchema } from "@/lib/notifications/settings-schema";

export const saveNotificationSettingAction = ownerActionClient.inputSchema(ZNotificationSettingSchema).action(async ({ parsedInput, ctx }) => {
  const saved = await saveNotificationSetting(parsedInput, ctx.admin.id, { loadTemplates: loadTemplateCatalog });
  revalidatePath("/admin/settings/notifications");
  return saved;
});

const ZPreviewSchema = z
  .object({
    setting: ZNotificationSettingSchema,
    quoteId: ZTextSchema.min(1).optional(),
    orderId: ZTextSchema.min(1).optional(),
  })
  .refine((input) => Boolean(input.quoteId) !== Boolean(input.orderId), { message: "Choose a quote or an order to preview with.", path: ["quoteId"] });

/** Reads only: nothing is saved, queued or sent. */
export const previewNotificationAction = ownerActionClient.inputSchema(ZPreviewSchema).action(async ({ parsedInput }) =>
  previewNotification(parsedInput.setting, { quoteId: parsedInput.quoteId, orderId: parsedInput.orderId }),
);

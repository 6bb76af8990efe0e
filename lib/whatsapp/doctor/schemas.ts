// The Graph answers the doctor reads, parsed leniently (Meta adds fields; a missing one is a
// verdict of its own, not a crash).
import { z } from "zod";

export const ZDebugTokenSchema = z.object({
  data: z.object({
    is_valid: z.boolean(),
    app_id: z.string().optional(),
    application: z.string().optional(),
    type: z.string().optional(),
    expires_at: z.number().optional(),
    scopes: z.array(z.string()).optional(),
    granular_scopes: z.array(z.object({ scope: z.string(), target_ids: z.array(z.string()).optional() })).optional(),
    error: z.object({ code: z.number().optional(), subcode: z.number().optional(), message: z.string().optional() }).optional(),
  }),
});
export type TDebugTokenAnswer = z.infer<typeof ZDebugTokenSchema>["data"];

export const ZPhoneNumberSchema = z.object({
  id: z.string(),
  display_phone_number: z.string().optional(),
  verified_name: z.string().optional(),
  name_status: z.string().optional(),
  quality_rating: z.string().optional(),
  status: z.string().optional(),
  throughput: z.object({ level: z.string().optional() }).optional(),
  whatsapp_business_manager_messaging_limit: z.string().optional(),
  /** Deprecated by Meta, read when the new field is missing. */
  messaging_limit_tier: z.string().optional(),
});
export type TPhoneNumberAnswer = z.infer<typeof ZPhoneNumberSchema>;

export const ZPhoneNumbersSchema = z.object({ data: z.array(ZPhoneNumberSchema) });

export const ZSubscribedAppsSchema = z.object({
  data: z.array(z.object({ whatsapp_business_api_data: z.object({ id: z.string().optional(), name: z.string().optional() }).optional() })),
});

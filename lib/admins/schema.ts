// Inputs of the sign-in, reset, invite and admin-management forms; shared by forms and actions.
import { z } from "zod";
import { ADMIN_ROLES } from "@/lib/roles";
import { ZTextSchema } from "@/lib/zod/text";

export const ZEmailSchema = z.email("Enter an email address.").max(200, "Use at most 200 characters.");

export const ZNewPasswordSchema = ZTextSchema.min(10, "Use at least 10 characters.").max(200, "Use at most 200 characters.");

export const ZAdminNameSchema = ZTextSchema.trim().min(1, "Enter your name.").max(100, "Use at most 100 characters.");

/** The token in an emailed link: 32 random bytes, base64url. */
export const ZLinkTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "This link is not complete. Open it from the email again.");

const confirmMatches = (input: { password: string; confirm: string }) => input.password === input.confirm;
const CONFIRM_ISSUE = { message: "The two passwords are not the same.", path: ["confirm"] };

export const ZResetRequestSchema = z.object({ email: ZEmailSchema });

export const ZResetPasswordSchema = z
  .object({ token: ZLinkTokenSchema, password: ZNewPasswordSchema, confirm: ZTextSchema.max(200) })
  .refine(confirmMatches, CONFIRM_ISSUE);

export const ZAcceptInviteSchema = z
  .object({ token: ZLinkTokenSchema, name: ZAdminNameSchema, password: ZNewPasswordSchema, confirm: ZTextSchema.max(200) })
  .refine(confirmMatches, CONFIRM_ISSUE);

export const ZChangePasswordSchema = z
  .object({
    currentPassword: ZTextSchema.min(1, "Enter your current password.").max(200),
    password: ZNewPasswordSchema,
    confirm: ZTextSchema.max(200),
  })
  .refine(confirmMatches, CONFIRM_ISSUE);

export const ZInviteAdminSchema = z.object({
  email: ZEmailSchema,
  role: z.enum(ADMIN_ROLES, "Choose owner or staff."),
});

export const ZAdminIdSchema = z.object({ adminId: ZTextSchema.min(1).max(64) });
export const ZChangeRoleSchema = ZAdminIdSchema.extend({ role: z.enum(ADMIN_ROLES, "Choose owner or staff.") });

export type TResetPasswordInput = z.infer<typeof ZResetPasswordSchema>;
export type TAcceptInviteInput = z.infer<typeof ZAcceptInviteSchema>;
export type TChangePasswordInput = z.infer<typeof ZChangePasswordSchema>;
export type TInviteAdminInput = z.infer<typeof ZInviteAdminSchema>;

"use server";

// The signed-in admin's own account: change the password (the current one is required).
import { adminActionClient } from "@/lib/action";
import { changePassword } from "@/lib/auth/change-password";
import { requestAddress } from "@/lib/auth/request-address";
import { ZChangePasswordSchema } from "@/lib/admins/schema";

export const changePasswordAction = adminActionClient.inputSchema(ZChangePasswordSchema).action(async ({ parsedInput, ctx }) => {
  await changePassword(ctx.admin.id, parsedInput, { address: await requestAddress() });
  // Every session of this admin has ended, this one too; the form signs in again.
  return { email: ctx.admin.email };
});

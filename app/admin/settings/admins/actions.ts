"use server";

// Settings → Admins. Owner-only through ownerActionClient: staff get a "forbidden" result.
import { revalidatePath } from "next/cache";
import { ownerActionClient } from "@/lib/action";
import { changeAdminRole, deactivateAdmin, inviteAdmin, reactivateAdmin } from "@/lib/admins/commands";
import { ZAdminIdSchema, ZChangeRoleSchema, ZInviteAdminSchema } from "@/lib/admins/schema";

const PAGE = "/admin/settings/admins";

export const inviteAdminAction = ownerActionClient.inputSchema(ZInviteAdminSchema).action(async ({ parsedInput, ctx }) => {
  const result = await inviteAdmin(parsedInput, ctx.admin);
  revalidatePath(PAGE);
  return result;
});

export const changeAdminRoleAction = ownerActionClient.inputSchema(ZChangeRoleSchema).action(async ({ parsedInput, ctx }) => {
  await changeAdminRole(parsedInput, ctx.admin);
  revalidatePath(PAGE);
  return { adminId: parsedInput.adminId };
});

export const deactivateAdminAction = ownerActionClient.inputSchema(ZAdminIdSchema).action(async ({ parsedInput, ctx }) => {
  await deactivateAdmin(parsedInput, ctx.admin);
  revalidatePath(PAGE);
  return { adminId: parsedInput.adminId };
});

export const reactivateAdminAction = ownerActionClient.inputSchema(ZAdminIdSchema).action(async ({ parsedInput, ctx }) => {
  await reactivateAdmin(parsedInput, ctx.admin);
  revalidatePath(PAGE);
  return { adminId: parsedInput.adminId };
});

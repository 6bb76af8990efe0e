// Every server action goes through one of these clients, so the zod parse and (for admin
// actions) the session check cannot be forgotten. Results reach forms in one shape:
// { data } | { serverError } | { validationErrors: { formErrors, fieldErrors } }.
import { createSafeActionClient } from "next-safe-action";
import { AppError } from "@/lib/errors";
import { getAdmin } from "@/lib/auth/session";
import { SIGNED_OUT_MESSAGE } from "@/lib/auth/signed-out-message";
import { canManageSettings } from "@/lib/roles";
import { log } from "@/lib/log";

export const UNEXPECTED_ERROR_MESSAGE = "Something went wrong on our side. Nothing was saved; please try again.";

export const actionClient = createSafeActionClient({
  defaultValidationErrorsShape: "flattened",
  handleServerError(error) {
    if (error instanceof AppError) return error.message;
    log.error("server action failed", { error });
    return UNEXPECTED_ERROR_MESSAGE;
  },
});

export const adminActionClient = actionClient.use(async ({ next }) => {
  const admin = await getAdmin();
  if (!admin) throw new AppError("unauthorized", SIGNED_OUT_MESSAGE);
  return next({ ctx: { admin } });
});

export const FORBIDDEN_OWNER_MESSAGE = "Only an owner can do this. Ask an owner of this installation.";

/** Settings and admin management: staff get a "forbidden" result (not a 500), nothing runs. */
export const ownerActionClient = adminActionClient.use(async ({ ctx, next }) => {
  if (!canManageSettings(ctx.admin.role)) throw new AppError("forbidden", FORBIDDEN_OWNER_MESSAGE);
  return next({ ctx });
});

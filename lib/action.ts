// Every server action goes through one of these clients, so the zod parse and (for admin
// actions) the session check cannot be forgotten. Results reach forms in one shape:
// { data } | { serverError } | { validationErrors: { formErrors, fieldErrors } }.
import { createSafeActionClient } from "next-safe-action";
import { AppError } from "@/lib/errors";
import { getAdmin } from "@/lib/auth/session";
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
  if (!admin) throw new AppError("unauthorized", "Your session has ended. Sign in again to continue.");
  return next({ ctx: { admin } });
});

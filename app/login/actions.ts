"use server";

// The sign-in page's public actions: ask for a reset link, set a new password with it, accept an
// invitation. Public on purpose (nobody is signed in yet): each is throttled or needs a
// single-use token, and the reset request answers the same whatever the email.
import { actionClient } from "@/lib/action";
import { requestAddress } from "@/lib/auth/request-address";
import { completePasswordReset, requestPasswordReset, RESET_REQUESTED_MESSAGE } from "@/lib/auth/password-reset";
import { acceptInvite } from "@/lib/admins/commands";
import { ZAcceptInviteSchema, ZResetPasswordSchema, ZResetRequestSchema } from "@/lib/admins/schema";

export const requestPasswordResetAction = actionClient.inputSchema(ZResetRequestSchema).action(async ({ parsedInput }) => {
  // The mail goes out in the background: waiting for it would tell which emails have accounts.
  await requestPasswordReset(parsedInput.email, { address: await requestAddress() });
  return { message: RESET_REQUESTED_MESSAGE };
});

export const resetPasswordAction = actionClient.inputSchema(ZResetPasswordSchema).action(async ({ parsedInput }) =>
  completePasswordReset(parsedInput, { address: await requestAddress() }),
);

export const acceptInviteAction = actionClient.inputSchema(ZAcceptInviteSchema).action(async ({ parsedInput }) =>
  acceptInvite(parsedInput, { address: await requestAddress() }),
);

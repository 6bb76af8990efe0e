// Sandbox only, admins only: changes what the sandbox's Graph API reports about the set-up, as
// Meta's side would change (the token expires or is renewed, the app is unsubscribed, a test
// number). The browser tests, and an admin trying the WhatsApp set-up page, use it.
import { z } from "zod";
import { getAdmin } from "@/lib/auth/session";
import { AppError, errorResponse } from "@/lib/errors";
import { getSandbox } from "@/lib/sandbox";

const ZSetupChange = z
  .object({
    /** Seconds from now until the token expires: negative has it expired already, 0 never expires. */
    tokenExpiresInSeconds: z.number().int().min(-365 * 86_400).max(365 * 86_400),
    tokenType: z.enum(["SYSTEM_USER", "USER"]),
    subscribed: z.boolean(),
    testNumber: z.boolean(),
  })
  .partial()
  .strict();

export async function POST(request: Request) {
  if (!(await getAdmin())) return errorResponse(new AppError("unauthorized", "Sign in to change the sandbox's set-up."));
  const sandbox = getSandbox();
  if (!sandbox) return errorResponse(new AppError("not_found", "The WhatsApp sandbox is off: real credentials are configured."));
  const parsed = ZSetupChange.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return errorResponse(new AppError("invalid_input", "Send any of { tokenExpiresInSeconds, tokenType, subscribed, testNumber }."));
  const { tokenExpiresInSeconds, ...rest } = parsed.data;
  sandbox.configureSetup({
    ...rest,
    ...(tokenExpiresInSeconds === undefined ? {} : { tokenExpiresAt: tokenExpiresInSeconds === 0 ? 0 : Math.floor(Date.now() / 1000) + tokenExpiresInSeconds }),
  });
  return Response.json({ setup: sandbox.setup });
}

// Sandbox only, admins only: Meta changes one of the sandbox's templates (paused, rejected,
// approved again, re-categorised, deleted) and the sandbox posts the signed webhook Meta would, to
// this app's webhook route. The browser tests (and an admin trying the templates page) use it.
import { z } from "zod";
import { getAdmin } from "@/lib/auth/session";
import { AppError, errorResponse } from "@/lib/errors";
import { getSandbox } from "@/lib/sandbox";

const ZTemplateChange = z.union([
  z.object({ name: z.string().min(1).max(512), language: z.string().min(2).max(20), event: z.string().regex(/^[A-Z_]{3,32}$/), reason: z.string().max(200).optional() }),
  z.object({ name: z.string().min(1).max(512), language: z.string().min(2).max(20), category: z.enum(["UTILITY", "MARKETING", "AUTHENTICATION"]) }),
]);

export async function POST(request: Request) {
  if (!(await getAdmin())) return errorResponse(new AppError("unauthorized", "Sign in to change the sandbox's templates."));
  const sandbox = getSandbox();
  if (!sandbox) return errorResponse(new AppError("not_found", "The WhatsApp sandbox is off: real credentials are configured."));
  const parsed = ZTemplateChange.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return errorResponse(new AppError("invalid_input", "Send { name, language, event } or { name, language, category }."));
  const change = parsed.data;
  if (!sandbox.templates().some((template) => template.name === change.name && template.language === change.language)) {
    return errorResponse(new AppError("not_found", `The sandbox has no template ${change.name} (${change.language}).`));
  }
  const delivery =
    "event" in change
      ? await sandbox.setTemplateStatus({ name: change.name, language: change.language, event: change.event, reason: change.reason })
      : await sandbox.setTemplateCategory(change);
  return Response.json({ webhookStatus: delivery.status });
}

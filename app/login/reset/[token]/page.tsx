import type { Metadata } from "next";
import Link from "next/link";
import { ZLinkTokenSchema } from "@/lib/admins/schema";
import { openResetLink, RESET_LINK_INVALID_MESSAGE } from "@/lib/auth/password-reset";
import { Alert } from "@/components/ui/alert";
import { AuthCard } from "../../auth-card";
import { SetPasswordForm } from "../../set-password-form";

// The path holds the token: never send it to another site as a Referer.
export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ params }: PageProps<"/login/reset/[token]">) {
  const { token } = await params;
  const parsed = ZLinkTokenSchema.safeParse(token);
  const link = parsed.success ? await openResetLink(parsed.data) : null;
  if (!link) {
    return (
      <AuthCard title="Choose a new password">
        <Alert tone="warning" data-testid="link-invalid">
          {RESET_LINK_INVALID_MESSAGE}{" "}
          <Link href="/login/forgot" className="font-medium underline">
            Ask for a new link
          </Link>
        </Alert>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Choose a new password" intro="Saving it signs out every other session of this account.">
      <SetPasswordForm token={parsed.data!} email={link.email} mode="reset" />
    </AuthCard>
  );
}

import type { Metadata } from "next";
import { openInvitation, INVITE_LINK_INVALID_MESSAGE } from "@/lib/admins/commands";
import { ZLinkTokenSchema } from "@/lib/admins/schema";
import { env } from "@/lib/env";
import { Alert } from "@/components/ui/alert";
import { AuthCard } from "../../auth-card";
import { SetPasswordForm } from "../../set-password-form";

// The path holds the token: never send it to another site as a Referer.
export const metadata: Metadata = { title: "Accept the invitation", referrer: "no-referrer" };

export default async function AcceptInvitePage({ params }: PageProps<"/login/invite/[token]">) {
  const { token } = await params;
  const parsed = ZLinkTokenSchema.safeParse(token);
  const invitation = parsed.success ? await openInvitation(parsed.data) : null;
  if (!invitation) {
    return (
      <AuthCard title="Accept the invitation">
        <Alert tone="warning" data-testid="link-invalid">
          {INVITE_LINK_INVALID_MESSAGE}
        </Alert>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Accept the invitation" intro={`Choose your name and a password for the ${env.BUSINESS_NAME} admin.`}>
      <SetPasswordForm token={parsed.data!} email={invitation.email} mode="invite" />
    </AuthCard>
  );
}

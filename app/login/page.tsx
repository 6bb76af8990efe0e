import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getAdmin } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { env } from "@/lib/env";
import { Alert } from "@/components/ui/alert";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

// Shown after the reset and invite pages send the admin here.
const NOTICES: Record<string, string> = {
  "password-reset": "Your new password is set and every other session is signed out. Sign in with it.",
  "invite-accepted": "Your account is ready. Sign in with your email and the password you chose.",
  "password-changed": "Your password was changed. Sign in with the new one.",
};

export default async function LoginPage({ searchParams }: PageProps<"/login">) {
  const params = await searchParams;
  // Only paths on this site, so the login page cannot be used to send people elsewhere.
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await getAdmin()) redirect(callbackUrl);
  const notice = typeof params.notice === "string" ? NOTICES[params.notice] : undefined;
  const email = typeof params.email === "string" ? params.email.slice(0, 200) : "";
  return (
    <main className="flex min-h-dvh items-center justify-center px-4">
      <div className="w-full max-w-sm space-y-6">
        <div className="text-center">
          <p className="text-sm font-medium text-brand-700">{env.BUSINESS_NAME}</p>
          <h1 className="mt-1 text-2xl font-semibold">Sign in to the admin</h1>
        </div>
        {notice ? (
          <Alert tone="success" data-testid="login-notice">
            {notice}
          </Alert>
        ) : null}
        <LoginForm callbackUrl={callbackUrl} defaultEmail={email} />
        <p className="text-center text-sm">
          <Link href="/login/forgot" className="font-medium text-brand-700 hover:underline">
            Forgot password?
          </Link>
        </p>
      </div>
    </main>
  );
}

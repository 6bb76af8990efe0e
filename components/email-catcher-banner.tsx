// Said on every admin page while email goes to the built-in catcher instead of customers.
import Link from "next/link";
import { emailConfig } from "@/lib/env";

export function EmailCatcherBanner() {
  if (emailConfig.mode !== "catcher") return null;
  return (
    <div role="status" data-testid="email-catcher-banner" className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-center text-sm text-amber-900">
      Emails are not reaching customers: SMTP_URL is not set, so emails are kept in the built-in{" "}
      <Link href="/admin/mail" className="font-medium underline">
        mail catcher
      </Link>
      .
    </div>
  );
}

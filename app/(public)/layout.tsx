// The customer-facing frame: the business's name and nothing of the admin.
import { Gift } from "lucide-react";
import { env } from "@/lib/env";
import { BusinessContact } from "@/components/business-contact";

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col bg-gradient-to-b from-brand-50 to-slate-50">
      <header className="mx-auto w-full max-w-2xl px-4 pt-6 pb-4 sm:pt-10">
        <p className="flex items-center gap-2 text-lg font-semibold text-brand-700">
          <span className="flex size-8 items-center justify-center rounded-full bg-brand-600 text-white">
            <Gift className="size-4" aria-hidden />
          </span>
          {env.BUSINESS_NAME}
        </p>
      </header>
      <main className="mx-auto w-full max-w-2xl flex-1 px-4 pb-10">{children}</main>
      <footer className="mx-auto w-full max-w-2xl px-4 pb-10">
        <BusinessContact />
      </footer>
    </div>
  );
}

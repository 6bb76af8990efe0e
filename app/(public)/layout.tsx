import { env } from "@/lib/env";

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="min-h-dvh bg-gradient-to-b from-brand-50 to-slate-50">
      <header className="mx-auto max-w-2xl px-4 pt-8 pb-2">
        <p className="text-lg font-semibold text-brand-700">{env.BUSINESS_NAME}</p>
      </header>
      <main className="mx-auto max-w-2xl px-4 pb-16">{children}</main>
    </div>
  );
}

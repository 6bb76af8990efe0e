import Link from "next/link";
import { env } from "@/lib/env";

/** The frame of the pages around sign-in: the business, a heading, what to do, a way back. */
export function AuthCard({ title, intro, children }: { title: string; intro?: string; children: React.ReactNode }) {
  return (
    <main className="flex min-h-dvh items-center justify-center px-4">
      <div className="w-full max-w-sm space-y-6">
        <div className="text-center">
          <p className="text-sm font-medium text-brand-700">{env.BUSINESS_NAME}</p>
          <h1 className="mt-1 text-2xl font-semibold">{title}</h1>
          {intro ? <p className="mt-2 text-sm text-slate-600">{intro}</p> : null}
        </div>
        {children}
        <p className="text-center text-sm">
          <Link href="/login" className="font-medium text-brand-700 hover:underline">
            Back to sign in
          </Link>
        </p>
      </div>
    </main>
  );
}

import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { Toaster } from "sonner";
import { env } from "@/lib/env";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: env.BUSINESS_NAME, template: `%s · ${env.BUSINESS_NAME}` },
  description: `Quotes and orders for ${env.BUSINESS_NAME}`,
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: its scripts must carry that request's CSP nonce (proxy.ts),
  // which a page prerendered at build time cannot know.
  await connection();
  return (
    <html lang={env.BUSINESS_LOCALE}>
      <body className="min-h-dvh">
        {children}
        <Toaster richColors position="top-center" />
      </body>
    </html>
  );
}

import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { Toaster } from "sonner";
import { env } from "@/lib/env";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: env.BUSINESS_NAME, template: `%s · ${env.BUSINESS_NAME}` },
  description: `Quotes and orders for ${env.BUSINESS_NAME}`,
  // public/: drawn from icon.svg by scripts/make-icons.ts. The web manifest is app/manifest.ts,
  // which Next links from every page itself.
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "16x16 32x32" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: { url: "/apple-touch-icon.png", sizes: "180x180" },
  },
  appleWebApp: { capable: true, title: env.BUSINESS_NAME, statusBarStyle: "default" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#be185d" };

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

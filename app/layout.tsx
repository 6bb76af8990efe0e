import type { Metadata, Viewport } from "next";
import { Toaster } from "sonner";
import { env } from "@/lib/env";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: env.BUSINESS_NAME, template: `%s · ${env.BUSINESS_NAME}` },
  description: `Quotes and orders for ${env.BUSINESS_NAME}`,
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang={env.BUSINESS_LOCALE}>
      <body className="min-h-dvh">
        {children}
        <Toaster richColors position="top-center" />
      </body>
    </html>
  );
}

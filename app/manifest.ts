import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { env } from "@/lib/env";

// The web manifest (/manifest.webmanifest): lets an admin add the admin to a phone's home screen,
// where it opens full screen at /admin under the business's own name. Read per request, like the
// pages, so BUSINESS_NAME set when the server starts is the name shown, not the one at build time.
export default async function manifest(): Promise<MetadataRoute.Manifest> {
  await connection();
  return {
    name: env.BUSINESS_NAME,
    short_name: env.BUSINESS_NAME,
    description: "Quotes, orders and customer messages",
    start_url: "/admin",
    scope: "/",
    display: "standalone",
    background_color: "#f8fafc",
    theme_color: "#be185d",
    icons: [
      { src: "/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
    ],
  };
}

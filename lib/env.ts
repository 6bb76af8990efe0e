// The only reader of process.env. Everything is validated once; a missing or malformed variable
// stops start-up with a message naming it. Secrets stay on the server (never import this from a
// client component).
import "server-only";
import { createHmac } from "node:crypto";
import { z } from "zod";

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const flag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((value) => value === "true" || value === "1");

const ZEnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().positive().default(3000),
    APP_URL: optionalString.pipe(z.url().optional()),
    DATABASE_URL: z.string().min(1).default("file:./data/ssg.db"),
    /** PostgreSQL only: connections each Prisma client may open (the web server's and the dispatcher's each have one). */
    DATABASE_POOL_SIZE: z.coerce.number().int().positive().default(10),
    NEXTAUTH_SECRET: optionalString,
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),

    BUSINESS_NAME: z.string().min(1).default("Snow Spoiled Gifts"),
    BUSINESS_CURRENCY: z.string().length(3).default("ZAR"),
    BUSINESS_LOCALE: z.string().min(2).default("en-ZA"),
    BUSINESS_TIME_ZONE: z.string().min(1).default("Africa/Johannesburg"),
    DEFAULT_PHONE_REGION: z.string().length(2).default("ZA"),
    /** Where customers write to: the emails' From (unless SMTP_FROM is set) and Reply-To, shown on public pages. */
    BUSINESS_EMAIL: optionalString.pipe(z.email("must be an email address like hello@example.com").optional()),
    /** The number customers call, written as they should dial it; shown on public pages. */
    BUSINESS_PHONE: optionalString.pipe(z.string().regex(/^\+?[\d\s().-]{6,30}$/, "must be a phone number like +27 21 123 4567").optional()),

    ADMIN_EMAIL: optionalString.pipe(z.email().optional()),
    ADMIN_PASSWORD: optionalString.pipe(z.string().min(10, "must be at least 10 characters").optional()),
    /** Failed sign-ins for one email from one address before each further try must wait (no lockout). */
    LOGIN_MAX_ATTEMPTS: z.coerce.number().int().positive().default(5),
    /** Failed sign-ins from one address, whatever the email, before each further try must wait. */
    LOGIN_MAX_ATTEMPTS_PER_ADDRESS: z.coerce.number().int().positive().default(20),
    /** The wait doubles with each further failure (1 s, 2 s, 4 s, ...) up to this many seconds. */
    LOGIN_MAX_DELAY_SECONDS: z.coerce.number().int().positive().default(900),
    /** Failures are forgotten after this many minutes without one. */
    LOGIN_FORGET_AFTER_MINUTES: z.coerce.number().int().positive().default(60),

    QUOTE_RATE_LIMIT: z.coerce.number().int().min(0).default(5),
    QUOTE_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().positive().default(600),
    /** Acknowledgements sent to one email address or phone number per window (0 = no limit). */
    QUOTE_ACK_LIMIT: z.coerce.number().int().min(0).default(3),
    QUOTE_ACK_LIMIT_WINDOW_SECONDS: z.coerce.number().int().positive().default(3600),
    TRUST_PROXY: flag,

    WHATSAPP_ACCESS_TOKEN: optionalString,
    WHATSAPP_PHONE_NUMBER_ID: optionalString,
    WHATSAPP_WABA_ID: optionalString,
    WHATSAPP_APP_ID: optionalString,
    WHATSAPP_APP_SECRET: optionalString,
    WHATSAPP_VERIFY_TOKEN: optionalString,
    WHATSAPP_API_VERSION: z.string().regex(/^v\d+\.\d+$/, "must look like v26.0").default("v26.0"),
    WHATSAPP_API_BASE_URL: optionalString.pipe(z.url().optional()),
    WHATSAPP_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
    WHATSAPP_SANDBOX_WEBHOOK_DELAY_MS: z.coerce.number().int().min(0).default(300),
    /** The largest customer media file an admin may download through the app (Meta's own limit is 100 MB for documents). */
    WHATSAPP_MEDIA_MAX_BYTES: z.coerce.number().int().positive().default(16 * 1024 * 1024),
    /** Hours between the WhatsApp set-up doctor's scheduled checks (token expiry, a refused token); 0 turns them off. */
    WHATSAPP_DOCTOR_HOURS: z.coerce.number().min(0).default(6),
    /** The phone number's throughput (Meta starts every number at 80 messages/second). */
    WHATSAPP_MAX_MPS: z.coerce.number().positive().default(80),

    /** smtp://user:pass@host:587 or smtps://...; without it mails are kept by the built-in catcher. */
    SMTP_URL: optionalString.pipe(z.url().optional()),
    SMTP_FROM: optionalString,
    BUSINESS_BRAND_COLOR: z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a colour like #be185d").default("#be185d"),

    /** How long an answered quote's accept link works. */
    QUOTE_VALID_DAYS: z.coerce.number().int().positive().default(14),
    /** Run the message dispatcher inside the web server (turn off when `npm run worker` runs instead). */
    OUTBOX_IN_APP: z.enum(["true", "false", "1", "0"]).default("true").transform((value) => value === "true" || value === "1"),
    /** How long a dispatcher may hold a message before another may decide its fate. */
    OUTBOX_LEASE_SECONDS: z.coerce.number().int().positive().default(60),
    /** Tries per message before a retryable failure becomes final. */
    OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().positive().default(6),
    /** Hours between template syncs from the WhatsApp Business Account (0 = only on demand). */
    TEMPLATE_SYNC_HOURS: z.coerce.number().nonnegative().max(24 * 30).default(6),
  });

// With a real token, the rest of the live set-up must be there too. Checked on the raw values so
// it is reported together with any other problem, not only once everything else parses.
const LIVE_REQUIRED = ["WHATSAPP_PHONE_NUMBER_ID", "WHATSAPP_WABA_ID", "WHATSAPP_APP_SECRET", "WHATSAPP_VERIFY_TOKEN"] as const;

function missingLiveSettings(source: Record<string, string | undefined>): string[] {
  if (!source.WHATSAPP_ACCESS_TOKEN?.trim()) return [];
  return LIVE_REQUIRED.filter((name) => !source[name]?.trim()).map((name) => `  ${name}: is required when WHATSAPP_ACCESS_TOKEN is set`);
}

export type TEnv = z.infer<typeof ZEnvSchema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): TEnv {
  const result = ZEnvSchema.safeParse(source);
  const lines = [
    ...(result.success ? [] : result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`)),
    ...missingLiveSettings(source),
  ];
  if (lines.length > 0 || !result.success) throw new EnvError(`Invalid configuration:\n${lines.join("\n")}`);
  return result.data;
}

export const env = parseEnv(process.env);

export const appUrl = (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");

/** Where WhatsApp goes: Meta's Graph API with real credentials, or the built-in sandbox without. */
export type TWhatsAppConfig = {
  mode: "live" | "sandbox";
  baseUrl: string;
  version: string;
  phoneNumberId: string;
  wabaId: string;
  accessToken: string;
  appId?: string;
  appSecret: string;
  verifyToken: string;
  timeoutMs: number;
};

export function whatsappConfigFrom(e: TEnv, url: string): TWhatsAppConfig {
  if (e.WHATSAPP_ACCESS_TOKEN) {
    return {
      mode: "live",
      baseUrl: (e.WHATSAPP_API_BASE_URL ?? "https://graph.facebook.com").replace(/\/$/, ""),
      version: e.WHATSAPP_API_VERSION,
      phoneNumberId: e.WHATSAPP_PHONE_NUMBER_ID!,
      wabaId: e.WHATSAPP_WABA_ID!,
      accessToken: e.WHATSAPP_ACCESS_TOKEN,
      appId: e.WHATSAPP_APP_ID,
      appSecret: e.WHATSAPP_APP_SECRET!,
      verifyToken: e.WHATSAPP_VERIFY_TOKEN!,
      timeoutMs: e.WHATSAPP_TIMEOUT_MS,
    };
  }
  // Sandbox: the emulator is served by this app. Its secrets are derived from NEXTAUTH_SECRET so
  // that several processes of one installation agree on them without more configuration.
  const seed = e.NEXTAUTH_SECRET ?? "ssg-sandbox";
  const derive = (label: string) => createHmac("sha256", seed).update(label).digest("hex");
  return {
    mode: "sandbox",
    baseUrl: (e.WHATSAPP_API_BASE_URL ?? `${url}/api/sandbox/graph`).replace(/\/$/, ""),
    version: e.WHATSAPP_API_VERSION,
    phoneNumberId: e.WHATSAPP_PHONE_NUMBER_ID ?? "100000000000001",
    wabaId: e.WHATSAPP_WABA_ID ?? "200000000000001",
    accessToken: `sandbox-${derive("token").slice(0, 32)}`,
    appId: "sandbox-app",
    appSecret: e.WHATSAPP_APP_SECRET ?? derive("app-secret"),
    verifyToken: e.WHATSAPP_VERIFY_TOKEN ?? derive("verify-token").slice(0, 24),
    timeoutMs: e.WHATSAPP_TIMEOUT_MS,
  };
}

export const whatsappConfig = whatsappConfigFrom(env, appUrl);

/** Where email goes: a real SMTP server, or the built-in catcher (kept in the database, shown in the admin). */
export type TEmailConfig = ({ mode: "smtp"; url: string } | { mode: "catcher" }) & TEmailSender;

/** Who a mail is from, and where the customer's answer goes (none without BUSINESS_EMAIL). */
export type TEmailSender = { from: string; replyTo: string | null };

// The name is quoted: a business called "Smith, Jones & Co" is one name, not two addresses.
const mailbox = (name: string, address: string) => `"${name.replace(/["\\]/g, "\\$&")}" <${address}>`;

export function emailConfigFrom(e: TEnv, url: string): TEmailConfig {
  // A relay may insist on its own sender (SMTP_FROM); replies still reach the business.
  const from = e.SMTP_FROM ?? mailbox(e.BUSINESS_NAME, e.BUSINESS_EMAIL ?? `no-reply@${new URL(url).hostname}`);
  const sender = { from, replyTo: e.BUSINESS_EMAIL ?? null };
  return e.SMTP_URL ? { mode: "smtp", url: e.SMTP_URL, ...sender } : { mode: "catcher", ...sender };
}

export const emailConfig = emailConfigFrom(env, appUrl);

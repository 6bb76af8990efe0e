// Structured one-line JSON logs. Anything that looks like a secret is redacted before it is
// written, whatever the caller passed.
import { env } from "@/lib/env";

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
type TLevel = Exclude<keyof typeof LEVELS, "silent">;

const SECRET_KEYS = /(token|secret|password|authorization|hash|cookie|signature)/i;
const BEARER = /Bearer\s+[A-Za-z0-9._~+/=-]+/g;
const TOKEN_PARAM = /((?:access_token|input_token)=)[^&\s"]+/g;

export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === "string") {
    return value.replace(BEARER, "Bearer [redacted]").replace(TOKEN_PARAM, "$1[redacted]");
  }
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (value instanceof Error) return { name: value.name, message: redact(value.message) };
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      SECRET_KEYS.test(key) ? "[redacted]" : redact(item, depth + 1),
    ]),
  );
}

function write(level: TLevel, message: string, fields?: Record<string, unknown>) {
  if (LEVELS[level] < LEVELS[env.LOG_LEVEL]) return;
  const line = JSON.stringify({
    time: new Date().toISOString(),
    level,
    message,
    ...(fields ? (redact(fields) as Record<string, unknown>) : {}),
  });
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(`${line}\n`);
}

export const log = {
  debug: (message: string, fields?: Record<string, unknown>) => write("debug", message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write("info", message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write("warn", message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write("error", message, fields),
};

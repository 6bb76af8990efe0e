// Structured one-line JSON logs. Anything that looks like a secret is redacted before it is
// written, whatever the caller passed.
import "server-only";
import { env } from "@/lib/env";
import { redactSecrets } from "@/lib/redact";

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
type TLevel = Exclude<keyof typeof LEVELS, "silent">;

function write(level: TLevel, message: string, fields?: Record<string, unknown>) {
  if (LEVELS[level] < LEVELS[env.LOG_LEVEL]) return;
  const line = JSON.stringify({
    time: new Date().toISOString(),
    level,
    message,
    ...(fields ? (redactSecrets(fields) as Record<string, unknown>) : {}),
  });
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(`${line}\n`);
}

export const log = {
  debug: (message: string, fields?: Record<string, unknown>) => write("debug", message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write("info", message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write("warn", message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write("error", message, fields),
};

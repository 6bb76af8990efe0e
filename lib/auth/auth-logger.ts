// next-auth's error lines, through our logger. Anyone can send a forged, stale or foreign
// session cookie, so refusing one is worth a single short warning, not a stack trace per request.
import type { LoggerInstance } from "next-auth";
import { log } from "@/lib/log";

export const REFUSED_SESSION_COOKIE_MESSAGE = "session cookie refused: forged, expired or signed with another secret";

function errorOf(metadata: Parameters<LoggerInstance["error"]>[1]): Error | undefined {
  if (metadata instanceof Error) return metadata;
  return metadata?.error instanceof Error ? metadata.error : undefined;
}

export const authLogger: Pick<LoggerInstance, "error"> = {
  error(code, metadata) {
    const error = errorOf(metadata);
    if (code === "JWT_SESSION_ERROR") {
      log.warn(REFUSED_SESSION_COOKIE_MESSAGE, { code, reason: error?.message });
      return;
    }
    // Anything else is next-auth failing for real: keep the stack.
    log.error("next-auth error", { code, error: error?.message, stack: error?.stack });
  },
};

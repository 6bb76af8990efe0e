// Per-IP limit on quote requests. In memory, so it is per process: with several app instances
// each allows the limit (a shared store is the upgrade path; rate-limiter-flexible has them).
import "server-only";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { contactDirectlyText } from "@/lib/business-contact";

const globalForLimits = globalThis as unknown as { ssgQuoteLimiter?: RateLimiterMemory };

function limiter(): RateLimiterMemory {
  return (globalForLimits.ssgQuoteLimiter ??= new RateLimiterMemory({
    keyPrefix: "quote",
    points: env.QUOTE_RATE_LIMIT,
    duration: env.QUOTE_RATE_LIMIT_WINDOW_SECONDS,
  }));
}

export async function consumeQuoteAllowance(ip: string): Promise<void> {
  if (env.QUOTE_RATE_LIMIT === 0) return;
  try {
    await limiter().consume(ip);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const minutes = Math.max(1, Math.ceil(error.msBeforeNext / 60_000));
    throw new AppError(
      "rate_limited",
      `We have received several requests from your connection. Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}, or ${contactDirectlyText()}.`,
    );
  }
}

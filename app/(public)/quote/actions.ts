"use server";

import { headers } from "next/headers";
import { actionClient } from "@/lib/action";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { clientIp } from "@/lib/request-ip";
import { submitQuoteRequest } from "@/lib/quotes/create-quote";
import { quoteRequestSchema } from "@/lib/quotes/request-schema";

export const submitQuoteAction = actionClient
  .inputSchema(quoteRequestSchema({ region: env.DEFAULT_PHONE_REGION, timeZone: env.BUSINESS_TIME_ZONE }))
  .action(async ({ parsedInput }) => {
    if (parsedInput.website) {
      // A filled honeypot: a bot. Nothing is stored, and the message gives it nothing to tune.
      throw new AppError("invalid_input", "We could not accept this request. Please try again, or contact us directly.");
    }
    const ip = clientIp(await headers(), env.TRUST_PROXY);
    const { number } = await submitQuoteRequest(parsedInput, { ip });
    return { number };
  });

"use server";

// Public (no session): anyone may ask for a quote. Spam checks live in submitQuoteRequest.
import { headers } from "next/headers";
import { actionClient } from "@/lib/action";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/request-ip";
import { serverQuoteRequestSchema, submitQuoteRequest } from "@/lib/quotes/create-quote";

export const submitQuoteAction = actionClient.inputSchema(serverQuoteRequestSchema).action(async ({ parsedInput }) => {
  const ip = clientIp(await headers(), env.TRUST_PROXY);
  const { number } = await submitQuoteRequest(parsedInput, { ip });
  return { number };
});

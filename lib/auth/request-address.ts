// The address of the request a server action is answering, for the sign-in throttle.
import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/request-ip";

export async function requestAddress(): Promise<string> {
  return clientIp(await headers(), env.TRUST_PROXY);
}

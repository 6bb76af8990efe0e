import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { authLogger } from "@/lib/auth/auth-logger";
import { checkAdminLogin } from "@/lib/auth/login";
import { safeRedirectUrl } from "@/lib/auth/callback-url";
import { throttledMessage } from "@/lib/auth/throttle-rules";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/request-ip";
import { ZTextSchema } from "@/lib/zod/text";

const ZCredentialsSchema = z.object({
  email: z.email().max(200),
  password: ZTextSchema.min(1).max(200),
});

export const INVALID_LOGIN_MESSAGE = "That email and password do not match an account.";

type TAuthorizeRequest = { headers?: Record<string, string | string[] | undefined> | Headers };

function requestHeaders(req: TAuthorizeRequest | undefined): Headers {
  if (!req?.headers) return new Headers();
  if (req.headers instanceof Headers) return req.headers;
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value !== "string") continue;
    try {
      headers.set(name, value);
    } catch {
      // A name or value that is not valid in HTTP: ignore it rather than fail the sign-in.
    }
  }
  return headers;
}

/**
 * The credentials check as next-auth calls it. Every failure is a thrown Error, whose message
 * next-auth hands to signIn() as `error`; the message never says whether the email exists.
 */
export async function authorizeCredentials(credentials: unknown, req?: TAuthorizeRequest) {
  const parsed = ZCredentialsSchema.safeParse(credentials);
  if (!parsed.success) throw new Error(INVALID_LOGIN_MESSAGE);
  const address = clientIp(requestHeaders(req), env.TRUST_PROXY);
  const result = await checkAdminLogin(parsed.data.email, parsed.data.password, { address });
  if (result.ok) return result.admin;
  throw new Error(result.reason === "throttled" ? throttledMessage(result.retryAfterSeconds) : INVALID_LOGIN_MESSAGE);
}

// Credentials sign-in keeps its session in a signed JWT cookie (next-auth does not store
// credentials sessions in the database). Eight hours covers a working day. The token carries
// the admin's id and sessionVersion only: role and active state are read from the database on
// each request (lib/auth/session.ts), so changes apply at once.
export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  logger: authLogger,
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials, req) => authorizeCredentials(credentials, req as TAuthorizeRequest),
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = user.sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user) {
        session.user.id = token.sub ?? "";
        session.user.sessionVersion = typeof token.sv === "number" ? token.sv : -1;
      }
      return session;
    },
    // Where next-auth sends the browser after signing in or out: only paths on this site.
    redirect: ({ url, baseUrl }) => safeRedirectUrl(url, baseUrl),
  },
};

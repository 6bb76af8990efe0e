import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { checkAdminLogin, lockoutMessage } from "@/lib/auth/login";
import { env } from "@/lib/env";

const ZCredentialsSchema = z.object({
  email: z.email().max(200),
  password: z.string().min(1).max(200),
});

export const INVALID_LOGIN_MESSAGE = "That email and password do not match an account.";

// Credentials sign-in keeps its session in a signed JWT cookie (next-auth does not store
// credentials sessions in the database). Eight hours covers a working day.
export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        const parsed = ZCredentialsSchema.safeParse(credentials);
        if (!parsed.success) throw new Error(INVALID_LOGIN_MESSAGE);
        const result = await checkAdminLogin(parsed.data.email, parsed.data.password);
        if (result.ok) return result.admin;
        // next-auth passes a thrown message back to signIn() as `error`.
        throw new Error(result.reason === "locked" ? lockoutMessage(result.lockedUntil) : INVALID_LOGIN_MESSAGE);
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = (user as { role?: string }).role ?? "staff";
      }
      return token;
    },
    session({ session, token }) {
      if (session.user) {
        session.user.id = token.sub ?? "";
        session.user.role = typeof token.role === "string" ? token.role : "staff";
      }
      return session;
    },
  },
};

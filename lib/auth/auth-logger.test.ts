// A forged or stale session cookie, as next-auth itself sees it on each request: one short
// warning line, no stack trace.
import { afterEach, describe, expect, it, vi } from "vitest";

process.env.LOG_LEVEL = "warn";
// As `npm start` sets it; without it next-auth warns once per process about the missing URL.
process.env.NEXTAUTH_URL ??= "http://localhost:3000";
const { getServerSession } = await import("next-auth/next");
const { authOptions } = await import("@/lib/auth/options");
const { REFUSED_SESSION_COOKIE_MESSAGE } = await import("@/lib/auth/auth-logger");

function captureOutput() {
  const lines: string[] = [];
  const keep = (chunk: unknown) => {
    lines.push(String(chunk));
    return true;
  };
  vi.spyOn(process.stderr, "write").mockImplementation(keep);
  vi.spyOn(process.stdout, "write").mockImplementation(keep);
  for (const level of ["error", "warn", "log"] as const) vi.spyOn(console, level).mockImplementation((...args) => void lines.push(args.join(" ")));
  return lines;
}

afterEach(() => vi.restoreAllMocks());

// The (req, res, options) form: a request's cookies without Next's request scope.
const sessionRequest = (token: string) =>
  getServerSession(
    { headers: { cookie: `next-auth.session-token=${token}` }, cookies: { "next-auth.session-token": token } } as never,
    { getHeader: () => undefined, setHeader: () => undefined } as never,
    authOptions,
  );

describe("a session cookie next-auth cannot read", () => {
  for (const [what, token] of [
    ["forged", "forged-cookie-value"],
    ["a JWE made with another secret", "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..aaaaaaaaaaaaaaaa.bbbbbbbb.cccccccccccccccccccccc"],
  ] as const) {
    it(`${what}: is no session and logs one warning line without a stack`, async () => {
      const lines = captureOutput();
      const session = await sessionRequest(token);
      vi.restoreAllMocks();
      expect(session).toBeNull();
      expect(lines, lines.join("\n---\n")).toHaveLength(1);
      const line = JSON.parse(lines[0]!);
      expect(line).toMatchObject({ level: "warn", message: REFUSED_SESSION_COOKIE_MESSAGE, code: "JWT_SESSION_ERROR" });
      expect(lines[0]).not.toMatch(/stack|\n.+at /);
      expect(lines[0]!.trim().split("\n")).toHaveLength(1);
    });
  }
});

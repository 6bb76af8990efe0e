import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { checkAdminLogin, lockoutMessage } from "@/lib/auth/login";

const EMAIL = "owner@example.com";
const PASSWORD = "correct horse battery";

beforeAll(async () => {
  await db.adminUser.create({ data: { email: EMAIL, name: "Owner", passwordHash: await hashPassword(PASSWORD) } });
});

describe("checkAdminLogin", () => {
  it("accepts the right password and never returns the hash", async () => {
    const result = await checkAdminLogin(EMAIL, PASSWORD);
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result)).not.toContain("argon2");
    const row = await db.adminUser.findUniqueOrThrow({ where: { email: EMAIL } });
    expect(row).not.toHaveProperty("passwordHash");
  });

  it("matches the email case-insensitively", async () => {
    expect((await checkAdminLogin("OWNER@example.com", PASSWORD)).ok).toBe(true);
  });

  it("refuses an unknown email and a wrong password alike", async () => {
    expect(await checkAdminLogin("nobody@example.com", PASSWORD)).toEqual({ ok: false, reason: "invalid" });
    expect(await checkAdminLogin(EMAIL, "wrong")).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks the account after five failures in a row, even for the right password", async () => {
    await checkAdminLogin(EMAIL, PASSWORD); // resets the counter
    const now = new Date();
    const results = [];
    for (let attempt = 0; attempt < 5; attempt++) results.push(await checkAdminLogin(EMAIL, "wrong", now));
    expect(results.slice(0, 4).every((r) => !r.ok && r.reason === "invalid")).toBe(true);
    expect(results[4]).toMatchObject({ ok: false, reason: "locked" });

    const locked = await checkAdminLogin(EMAIL, PASSWORD, now);
    expect(locked).toMatchObject({ ok: false, reason: "locked" });

    const later = new Date(now.getTime() + 16 * 60_000);
    expect((await checkAdminLogin(EMAIL, PASSWORD, later)).ok).toBe(true);
  });

  it("explains the lockout in minutes", () => {
    const now = new Date("2026-01-01T10:00:00Z");
    expect(lockoutMessage(new Date("2026-01-01T10:14:30Z"), now)).toBe(
      "Too many failed sign-ins for this account. Try again in 15 minutes.",
    );
  });
});

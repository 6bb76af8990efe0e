// "Forgot password?" against the real database and the built-in mail catcher.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { checkAdminLogin } from "@/lib/auth/login";
import { completePasswordReset, requestPasswordReset, RESET_LINK_INVALID_MESSAGE } from "@/lib/auth/password-reset";
import { hashToken } from "@/lib/auth/admin-tokens";
import { ACCOUNT_POLICY } from "@/lib/auth/throttle";
import { latestLinkTo } from "@/test/admin-mail";

const EMAIL = "owner@example.com";
const OLD = "old password 123";
const NEW = "new password 456";
const HOME = "198.51.100.7";
let adminId = "";

beforeEach(async () => {
  await db.loginThrottle.deleteMany();
  await db.caughtEmail.deleteMany();
  await db.adminUser.deleteMany();
  adminId = (await db.adminUser.create({ data: { email: EMAIL, name: "Owner", role: "owner", passwordHash: await hashPassword(OLD) } })).id;
});

async function requestLink(email = EMAIL, address = HOME) {
  const { delivery } = await requestPasswordReset(email, { address });
  await delivery;
  return latestLinkTo(email.toLowerCase(), "reset");
}

describe("requestPasswordReset", () => {
  it("sends a single-use link whose token is stored only as a hash", async () => {
    const token = await requestLink("Owner@Example.com");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await db.adminToken.findFirstOrThrow({ where: { adminId } });
    expect(stored.tokenHash).toBe(hashToken(token!));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBeLessThanOrEqual(60 * 60 * 1000 + 1000);
  });

  it("answers an unknown or deactivated email the same way and sends nothing", async () => {
    await db.adminUser.create({ data: { email: "gone@example.com", name: "Gone", passwordHash: await hashPassword(OLD), deactivatedAt: new Date() } });
    await expect(requestPasswordReset("nobody@example.com", { address: HOME })).resolves.toHaveProperty("delivery");
    await expect(requestPasswordReset("gone@example.com", { address: HOME })).resolves.toHaveProperty("delivery");
    expect(await db.adminToken.count()).toBe(0);
    expect(await db.caughtEmail.count()).toBe(0);
  });

  it("sends at most three mails an hour to one admin and slows one address down", async () => {
    for (let i = 0; i < 5; i++) await requestLink(EMAIL, `192.0.2.${i}`);
    expect(await db.caughtEmail.count({ where: { to: EMAIL } })).toBe(3);
    for (let i = 0; i < 5; i++) await requestPasswordReset(`x${i}@example.com`, { address: "203.0.113.9" });
    await expect(requestPasswordReset(EMAIL, { address: "203.0.113.9" })).rejects.toMatchObject({ code: "rate_limited" });
  });
});

describe("completePasswordReset", () => {
  it("sets the new password, ends every session, records it, and works once", async () => {
    const token = (await requestLink())!;
    await completePasswordReset({ token, password: NEW }, { address: HOME });
    const admin = await db.adminUser.findUniqueOrThrow({ where: { id: adminId } });
    expect(admin.sessionVersion).toBe(1);
    expect((await checkAdminLogin(EMAIL, OLD, { address: HOME })).ok).toBe(false);
    expect((await checkAdminLogin(EMAIL, NEW, { address: HOME })).ok).toBe(true);
    expect(await db.adminEvent.findMany({ where: { adminId }, select: { action: true, actorId: true } })).toEqual([{ action: "password_reset", actorId: adminId }]);
    await expect(completePasswordReset({ token, password: "another password 789" })).rejects.toMatchObject({ code: "not_found", message: RESET_LINK_INVALID_MESSAGE });
  });

  it("lets only one of two parallel uses of a link through", async () => {
    const token = (await requestLink())!;
    const results = await Promise.allSettled([
      completePasswordReset({ token, password: "first password 111" }),
      completePasswordReset({ token, password: "second password 222" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await db.adminUser.findUniqueOrThrow({ where: { id: adminId } })).sessionVersion).toBe(1);
  });

  it("refuses an expired link, an older link after a newer one, and a made-up one", async () => {
    const first = (await requestLink())!;
    const second = (await requestLink())!;
    await expect(completePasswordReset({ token: first, password: NEW })).rejects.toMatchObject({ code: "not_found" });
    await expect(completePasswordReset({ token: "A".repeat(43), password: NEW })).rejects.toMatchObject({ code: "not_found" });
    await expect(completePasswordReset({ token: second, password: NEW }, { now: new Date(Date.now() + 61 * 60 * 1000) })).rejects.toMatchObject({ code: "not_found" });
    expect((await checkAdminLogin(EMAIL, OLD, { address: HOME })).ok).toBe(true);
  });

  it("is the way in while a stranger keeps the account throttled", async () => {
    for (let i = 0; i < ACCOUNT_POLICY.freeAttempts + 3; i++) await checkAdminLogin(EMAIL, `guess ${i}`, { address: HOME });
    expect(await checkAdminLogin(EMAIL, OLD, { address: HOME })).toMatchObject({ reason: "throttled" });
    const token = (await requestLink(EMAIL, HOME))!;
    await completePasswordReset({ token, password: NEW }, { address: HOME });
    expect(await checkAdminLogin(EMAIL, NEW, { address: HOME })).toMatchObject({ ok: true });
  });
});

// Change password through the server action, on the real database.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { TAdmin } from "@/lib/auth/session";
import { hashPassword } from "@/lib/auth/password";
import { checkAdminLogin } from "@/lib/auth/login";
import { WRONG_CURRENT_PASSWORD_MESSAGE } from "@/lib/auth/change-password";
import { makeSignedInAdmin } from "@/test/factories";

let signedIn: TAdmin | null = null;
vi.mock("@/lib/auth/session", () => ({ getAdmin: async () => signedIn }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

const { changePasswordAction } = await import("./actions");

const CURRENT = "current password 1";
const NEW = "brand new password 2";

beforeEach(async () => {
  await db.loginThrottle.deleteMany();
  signedIn = await makeSignedInAdmin({ role: "staff" });
  await db.adminUser.update({ where: { id: signedIn.id }, data: { passwordHash: await hashPassword(CURRENT) } });
});

describe("changePasswordAction", () => {
  it("needs the current password, and then ends every session (sessionVersion) with an entry in the history", async () => {
    expect(await changePasswordAction({ currentPassword: "wrong", password: NEW, confirm: NEW })).toEqual({ serverError: WRONG_CURRENT_PASSWORD_MESSAGE });
    expect(await db.adminUser.findUniqueOrThrow({ where: { id: signedIn!.id } })).toMatchObject({ sessionVersion: 0 });

    expect(await changePasswordAction({ currentPassword: CURRENT, password: NEW, confirm: NEW })).toEqual({ data: { email: signedIn!.email } });
    expect(await db.adminUser.findUniqueOrThrow({ where: { id: signedIn!.id } })).toMatchObject({ sessionVersion: 1 });
    expect((await checkAdminLogin(signedIn!.email, NEW)).ok).toBe(true);
    expect((await checkAdminLogin(signedIn!.email, CURRENT)).ok).toBe(false);
    expect(await db.adminEvent.findMany({ select: { action: true, actorId: true } })).toEqual([{ action: "password_changed", actorId: signedIn!.id }]);
  });

  it("refuses a short or mismatched new password per field", async () => {
    const result = await changePasswordAction({ currentPassword: CURRENT, password: "short", confirm: "other" });
    expect(result?.validationErrors?.fieldErrors).toMatchObject({ password: ["Use at least 10 characters."] });
  });

  it("is throttled like sign-in, so an open session cannot guess the password", async () => {
    for (let i = 0; i < 5; i++) await changePasswordAction({ currentPassword: `guess ${i}`, password: NEW, confirm: NEW });
    const result = await changePasswordAction({ currentPassword: CURRENT, password: NEW, confirm: NEW });
    expect(result?.serverError).toMatch(/^Too many sign-in attempts/);
  });
});

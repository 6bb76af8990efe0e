import { describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db";
import { checkAdminLogin } from "@/lib/auth/login";
import { DEFAULT_ADMIN_EMAIL, ensureFirstAdmin } from "@/lib/admins/bootstrap";

describe("ensureFirstAdmin", () => {
  it("creates a default admin whose printed password signs in, once", async () => {
    const result = await ensureFirstAdmin({});
    expect(result).toMatchObject({ created: true, email: DEFAULT_ADMIN_EMAIL });
    const password = result.created ? result.generatedPassword! : "";
    // The sign-in form and next-auth's credentials check both require a valid email address.
    expect(z.email().safeParse(DEFAULT_ADMIN_EMAIL).success).toBe(true);
    expect((await checkAdminLogin(DEFAULT_ADMIN_EMAIL, password)).ok).toBe(true);
    expect(await ensureFirstAdmin({})).toEqual({ created: false });
    expect(await db.adminUser.count()).toBe(1);
    // The first account is the owner: it can invite the others and open the settings.
    expect(await db.adminUser.findUniqueOrThrow({ where: { email: DEFAULT_ADMIN_EMAIL } })).toMatchObject({ role: "owner" });
  });

  it("creates the configured admin with the configured password", async () => {
    const result = await ensureFirstAdmin({ email: "Owner@Example.com", password: "a-long-password" });
    expect(result).toEqual({ created: true, email: "owner@example.com", generatedPassword: undefined });
    expect((await checkAdminLogin("owner@example.com", "a-long-password")).ok).toBe(true);
    expect(await ensureFirstAdmin({ email: "owner@example.com", password: "other" })).toEqual({ created: false });
  });
});

// Settings → Admins through its server actions: owners manage admins, staff are refused with a
// typed "forbidden" result before anything runs, and a refused rule comes back as a sentence.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { TAdmin } from "@/lib/auth/session";
import { FORBIDDEN_OWNER_MESSAGE } from "@/lib/action";
import { LAST_OWNER_MESSAGE } from "@/lib/admins/commands";
import { makeSignedInAdmin } from "@/test/factories";

let signedIn: TAdmin | null = null;
vi.mock("@/lib/auth/session", () => ({ getAdmin: async () => signedIn }));
const revalidatePath = vi.fn();
vi.mock("next/cache", () => ({ revalidatePath: (...args: unknown[]) => revalidatePath(...args) }));

const { changeAdminRoleAction, deactivateAdminAction, inviteAdminAction, reactivateAdminAction } = await import("./actions");

beforeEach(async () => {
  await db.adminUser.deleteMany();
  revalidatePath.mockClear();
});

describe("admin management, as staff", () => {
  it("is refused with a typed forbidden result and changes nothing", async () => {
    const owner = await makeSignedInAdmin({ role: "owner" });
    signedIn = await makeSignedInAdmin({ role: "staff" });
    const forbidden = { serverError: FORBIDDEN_OWNER_MESSAGE };
    expect(await inviteAdminAction({ email: "x@example.com", role: "owner" })).toEqual(forbidden);
    expect(await changeAdminRoleAction({ adminId: signedIn.id, role: "owner" })).toEqual(forbidden);
    expect(await deactivateAdminAction({ adminId: owner.id })).toEqual(forbidden);
    expect(await reactivateAdminAction({ adminId: owner.id })).toEqual(forbidden);
    expect(await db.adminUser.count()).toBe(2);
    expect(await db.adminUser.findUniqueOrThrow({ where: { id: signedIn.id } })).toMatchObject({ role: "staff" });
    expect(await db.adminEvent.count()).toBe(0);
    expect(revalidatePath).not.toHaveBeenCalled();
  });
});

describe("admin management, as an owner", () => {
  beforeEach(async () => {
    signedIn = await makeSignedInAdmin({ role: "owner" });
    await db.adminUser.update({ where: { id: signedIn.id }, data: { passwordHash: "set" } });
  });

  it("invites, changes a role and deactivates, attributed to the owner", async () => {
    const invited = await inviteAdminAction({ email: "new@example.com", role: "staff" });
    const adminId = invited?.data?.adminId ?? "";
    expect(adminId).not.toBe("");
    expect(await changeAdminRoleAction({ adminId, role: "owner" })).toEqual({ data: { adminId } });
    expect(await deactivateAdminAction({ adminId })).toEqual({ data: { adminId } });
    const events = await db.adminEvent.findMany({ orderBy: { createdAt: "asc" }, select: { action: true, actorId: true } });
    expect(events).toEqual(["invited", "role_changed", "deactivated"].map((action) => ({ action, actorId: signedIn!.id })));
    expect(revalidatePath).toHaveBeenCalledWith("/admin/settings/admins");
  });

  it("answers the last-owner rule and bad input with sentences, not a 500", async () => {
    expect(await changeAdminRoleAction({ adminId: signedIn!.id, role: "staff" })).toEqual({ serverError: LAST_OWNER_MESSAGE });
    const invalid = await inviteAdminAction({ email: "not an email", role: "admin" as never });
    expect(invalid?.validationErrors?.fieldErrors).toMatchObject({ email: ["Enter an email address."], role: ["Choose owner or staff."] });
  });
});

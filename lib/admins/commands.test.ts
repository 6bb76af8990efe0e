// Inviting, role changes and deactivation against the real database; the rule that an active
// owner always remains, including under concurrent changes.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { checkAdminLogin } from "@/lib/auth/login";
import { acceptInvite, changeAdminRole, deactivateAdmin, INVITE_LINK_INVALID_MESSAGE, inviteAdmin, LAST_OWNER_MESSAGE, reactivateAdmin } from "@/lib/admins/commands";
import { listAdminEvents, listAdmins } from "@/lib/admins/queries";
import { latestLinkTo } from "@/test/admin-mail";

const PASSWORD = "owner password 1";
let owner = { id: "" };

async function makeOwner(email: string) {
  return db.adminUser.create({ data: { email, name: email.split("@")[0] ?? email, role: "owner", passwordHash: await hashPassword(PASSWORD) } });
}

beforeEach(async () => {
  await db.caughtEmail.deleteMany();
  await db.adminUser.deleteMany();
  owner = await makeOwner("owner@example.com");
});

describe("inviteAdmin and acceptInvite", () => {
  it("invites by email; the link sets a name and password once, and the history names who did what", async () => {
    const { adminId } = await inviteAdmin({ email: "Staff@Example.com", role: "staff" }, owner);
    expect((await listAdmins()).find((a) => a.id === adminId)).toMatchObject({ email: "staff@example.com", role: "staff", status: "invited" });
    const token = (await latestLinkTo("staff@example.com", "invite"))!;
    expect(token).toBeTruthy();
    expect((await checkAdminLogin("staff@example.com", "", { address: "x" })).ok).toBe(false);

    await acceptInvite({ token, name: "Sipho", password: "staff password 1", confirm: "staff password 1" });
    expect(await checkAdminLogin("staff@example.com", "staff password 1", { address: "x" })).toMatchObject({ ok: true, admin: { name: "Sipho", role: "staff" } });
    await expect(acceptInvite({ token, name: "Again", password: "other password 1", confirm: "other password 1" })).rejects.toMatchObject({ message: INVITE_LINK_INVALID_MESSAGE });

    const events = await listAdminEvents();
    expect(events.map((e) => [e.action, e.admin.email, e.actor?.email, e.detail])).toEqual([
      ["invite_accepted", "staff@example.com", "staff@example.com", null],
      ["invited", "staff@example.com", "owner@example.com", "as staff"],
    ]);
  });

  it("sends a fresh link for an open invitation and retires the old one", async () => {
    await inviteAdmin({ email: "new@example.com", role: "staff" }, owner);
    const first = (await latestLinkTo("new@example.com", "invite"))!;
    await inviteAdmin({ email: "new@example.com", role: "owner" }, owner);
    const second = (await latestLinkTo("new@example.com", "invite"))!;
    expect(second).not.toBe(first);
    await expect(acceptInvite({ token: first, name: "N", password: "new password 12", confirm: "new password 12" })).rejects.toMatchObject({ code: "not_found" });
    await acceptInvite({ token: second, name: "N", password: "new password 12", confirm: "new password 12" });
    expect((await listAdmins()).find((a) => a.email === "new@example.com")).toMatchObject({ role: "owner", status: "active" });
    expect(await db.adminUser.count({ where: { email: "new@example.com" } })).toBe(1);
  });

  it("refuses to invite an active or deactivated admin again", async () => {
    await expect(inviteAdmin({ email: "owner@example.com", role: "staff" }, owner)).rejects.toMatchObject({ code: "conflict" });
    const gone = await makeOwner("gone@example.com");
    await db.adminUser.update({ where: { id: gone.id }, data: { deactivatedAt: new Date() } });
    await expect(inviteAdmin({ email: "gone@example.com", role: "staff" }, owner)).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("the last active owner", () => {
  it("cannot be demoted or deactivated; an open invitation as owner does not count", async () => {
    await inviteAdmin({ email: "pending@example.com", role: "owner" }, owner);
    await expect(changeAdminRole({ adminId: owner.id, role: "staff" }, owner)).rejects.toMatchObject({ code: "conflict", message: LAST_OWNER_MESSAGE });
    const other = await makeOwner("second@example.com");
    await db.adminUser.update({ where: { id: other.id }, data: { role: "staff" } });
    await expect(deactivateAdmin({ adminId: owner.id }, other)).rejects.toMatchObject({ message: LAST_OWNER_MESSAGE });
    expect(await db.adminUser.findUniqueOrThrow({ where: { id: owner.id } })).toMatchObject({ role: "owner", deactivatedAt: null, sessionVersion: 0 });
    expect(await db.adminEvent.count({ where: { action: { in: ["role_changed", "deactivated"] } } })).toBe(0);
  });

  it("survives two owners demoting each other at the same moment: exactly one change wins", async () => {
    for (let round = 0; round < 5; round++) {
      await db.adminUser.deleteMany();
      const a = await makeOwner(`a${round}@example.com`);
      const b = await makeOwner(`b${round}@example.com`);
      const results = await Promise.allSettled([changeAdminRole({ adminId: a.id, role: "staff" }, b), changeAdminRole({ adminId: b.id, role: "staff" }, a)]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(await db.adminUser.count({ where: { role: "owner" } })).toBe(1);
    }
  });

  it("survives two owners deactivating each other at the same moment", async () => {
    const other = await makeOwner("second@example.com");
    const results = await Promise.allSettled([deactivateAdmin({ adminId: owner.id }, other), deactivateAdmin({ adminId: other.id }, owner)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.adminUser.count({ where: { role: "owner", deactivatedAt: null } })).toBe(1);
    expect(await db.adminEvent.count({ where: { action: "deactivated" } })).toBe(1);
  });
});

describe("role changes and deactivation", () => {
  it("records who changed a role from what to what", async () => {
    const staff = await db.adminUser.create({ data: { email: "s@example.com", name: "S", role: "staff", passwordHash: await hashPassword(PASSWORD) } });
    await changeAdminRole({ adminId: staff.id, role: "owner" }, owner);
    await changeAdminRole({ adminId: staff.id, role: "owner" }, owner); // no change, no entry
    expect((await listAdminEvents()).map((e) => [e.action, e.detail, e.actor?.email])).toEqual([["role_changed", "Staff → Owner", "owner@example.com"]]);
  });

  it("deactivation ends sessions (sessionVersion), refuses sign-in, closes links; reactivation lets them back", async () => {
    const staff = await db.adminUser.create({ data: { email: "s@example.com", name: "S", role: "staff", passwordHash: await hashPassword(PASSWORD) } });
    await deactivateAdmin({ adminId: staff.id }, owner);
    expect(await db.adminUser.findUniqueOrThrow({ where: { id: staff.id } })).toMatchObject({ sessionVersion: 1 });
    expect(await checkAdminLogin("s@example.com", PASSWORD, { address: "x" })).toEqual({ ok: false, reason: "invalid" });
    await expect(deactivateAdmin({ adminId: staff.id }, owner)).rejects.toMatchObject({ code: "not_found" });
    await expect(deactivateAdmin({ adminId: owner.id }, owner)).rejects.toMatchObject({ code: "invalid_input" });
    await reactivateAdmin({ adminId: staff.id }, owner);
    expect((await checkAdminLogin("s@example.com", PASSWORD, { address: "x" })).ok).toBe(true);
    expect((await listAdminEvents()).map((e) => e.action)).toEqual(["reactivated", "deactivated"]);
  });
});

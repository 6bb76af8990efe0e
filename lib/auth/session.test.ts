// getAdmin trusts the session cookie for who, and the database for whether and what: one
// primary-key read decides deactivation, password changes and the role.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";

let session: { user: { id: string; email: string; sessionVersion: number } } | null = null;
vi.mock("next-auth", async (original) => ({
  ...(await original<typeof import("next-auth")>()),
  getServerSession: async () => session,
}));

const { getAdmin } = await import("@/lib/auth/session");
const { changeAdminRole, deactivateAdmin } = await import("@/lib/admins/commands");

let ownerId = "";
let staffId = "";

beforeEach(async () => {
  await db.adminUser.deleteMany();
  ownerId = (await db.adminUser.create({ data: { email: "o@example.com", name: "O", role: "owner", passwordHash: "x" } })).id;
  staffId = (await db.adminUser.create({ data: { email: "s@example.com", name: "", role: "staff", passwordHash: "x" } })).id;
  session = { user: { id: staffId, email: "s@example.com", sessionVersion: 0 } };
});

describe("getAdmin", () => {
  it("returns the admin as stored now, role included", async () => {
    expect(await getAdmin()).toEqual({ id: staffId, email: "s@example.com", name: "s@example.com", role: "staff" });
    await changeAdminRole({ adminId: staffId, role: "owner" }, { id: ownerId });
    expect(await getAdmin()).toMatchObject({ role: "owner" });
  });

  it("refuses a deactivated admin's session at once", async () => {
    await deactivateAdmin({ adminId: staffId }, { id: ownerId });
    expect(await getAdmin()).toBeNull();
  });

  it("refuses a session from before a password change (an older sessionVersion)", async () => {
    await db.adminUser.update({ where: { id: staffId }, data: { sessionVersion: { increment: 1 } } });
    expect(await getAdmin()).toBeNull();
    session = { user: { id: staffId, email: "s@example.com", sessionVersion: 1 } };
    expect(await getAdmin()).toMatchObject({ id: staffId });
  });

  it("refuses no session, a session without a version, and a deleted admin", async () => {
    session = null;
    expect(await getAdmin()).toBeNull();
    session = { user: { id: staffId, email: "s@example.com" } as never };
    expect(await getAdmin()).toBeNull();
    session = { user: { id: "gone", email: "g@example.com", sessionVersion: 0 } };
    expect(await getAdmin()).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { describeAdminEvent } from "@/lib/admins/history";

const owner = { name: "Naledi", email: "naledi@example.com" };
const staff = { name: "", email: "sipho@example.com" };

describe("describeAdminEvent", () => {
  it("names who did what to whom", () => {
    expect(describeAdminEvent({ action: "invited", detail: "as staff", actor: owner, admin: staff })).toBe("Naledi invited sipho@example.com (as staff)");
    expect(describeAdminEvent({ action: "role_changed", detail: "Staff → Owner", actor: owner, admin: staff })).toBe("Naledi changed the role of sipho@example.com (Staff → Owner)");
    expect(describeAdminEvent({ action: "deactivated", detail: null, actor: null, admin: staff })).toBe("An admin since removed deactivated sipho@example.com");
    expect(describeAdminEvent({ action: "password_reset", detail: "with an emailed link", actor: owner, admin: owner })).toBe("Naledi set a new password (with an emailed link)");
  });
});

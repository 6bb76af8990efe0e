// The mail catcher's reads, on this file's own SQLite database.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { CAUGHT_PAGE_SIZE, getCaughtEmail, listCaughtEmails } from "@/lib/email/caught-queries";

const start = Date.UTC(2026, 0, 1);

beforeAll(async () => {
  // 51 mails, one a minute: one more than a page, so the second page has exactly the oldest.
  await db.caughtEmail.createMany({
    data: Array.from({ length: CAUGHT_PAGE_SIZE + 1 }, (_, index) => ({
      messageId: `m${index}@test`,
      from: "SSG <no-reply@ssg.test>",
      to: `customer${index}@example.com`,
      subject: `Mail ${index}`,
      text: `Text ${index}`,
      html: `<p>Mail ${index}</p>`,
      createdAt: new Date(start + index * 60_000),
    })),
  });
});

describe("listCaughtEmails", () => {
  it("lists the newest first, a page and one more so the page knows there is a next one", async () => {
    const first = await listCaughtEmails(1);
    expect(first).toHaveLength(CAUGHT_PAGE_SIZE + 1);
    expect(first[0]).toMatchObject({ to: "customer50@example.com", subject: "Mail 50" });
    expect(first[CAUGHT_PAGE_SIZE - 1]!.subject).toBe("Mail 1");
    // The list never carries the bodies: a page of 50 mails stays small.
    expect(Object.keys(first[0]!).sort()).toEqual(["createdAt", "id", "subject", "to"]);
  });

  it("gives the rest on the next page and treats a page below 1 as the first", async () => {
    expect((await listCaughtEmails(2)).map((mail) => mail.subject)).toEqual(["Mail 0"]);
    expect((await listCaughtEmails(0))[0]!.subject).toBe("Mail 50");
  });
});

describe("getCaughtEmail", () => {
  it("returns the whole mail, or null for an unknown id", async () => {
    const [listed] = await listCaughtEmails(1);
    expect(await getCaughtEmail(listed!.id)).toMatchObject({ subject: "Mail 50", text: "Text 50", html: "<p>Mail 50</p>", messageId: "m50@test" });
    expect(await getCaughtEmail("missing")).toBeNull();
  });
});

describe("account mails in the catcher", () => {
  it("are shown to owners and to the admin they were sent to, never to other staff", async () => {
    const mail = await db.caughtEmail.create({
      data: { messageId: "admin-account.1@test", from: "SSG", to: "owner@example.com", subject: "Choose a new password", text: "/login/reset/x", html: "" },
    });
    const staff = { email: "staff@example.com", role: "staff" as const };
    expect(await getCaughtEmail(mail.id, staff)).toBeNull();
    expect((await listCaughtEmails(1, staff)).some((row) => row.id === mail.id)).toBe(false);
    expect(await getCaughtEmail(mail.id, { email: "owner@example.com", role: "staff" })).not.toBeNull();
    expect(await getCaughtEmail(mail.id, { email: "other@example.com", role: "owner" })).not.toBeNull();
    expect((await listCaughtEmails(1, staff)).length).toBeGreaterThan(0);
  });
});

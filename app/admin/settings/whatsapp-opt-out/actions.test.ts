// The opt-out words action checks the session and the owner role itself, then parses its input.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { TAdmin } from "@/lib/auth/session";
import { FORBIDDEN_OWNER_MESSAGE } from "@/lib/action";
import { makeSignedInAdmin } from "@/test/factories";

let signedIn: TAdmin | null = null;
vi.mock("@/lib/auth/session", () => ({ getAdmin: async () => signedIn, requireAdmin: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { saveOptOutWordsAction } = await import("./actions");
const { extraOptOutWords } = await import("@/lib/customers/opt-out");

beforeEach(async () => {
  signedIn = null;
  await db.optOutSetting.deleteMany();
});

describe("saveOptOutWordsAction", () => {
  it("refuses anyone signed out, and an admin who is not an owner", async () => {
    expect(await saveOptOutWordsAction({ words: "alto" })).toEqual({ serverError: "Your session has ended. Sign in again to continue." });
    signedIn = await makeSignedInAdmin({ role: "staff" });
    expect(await saveOptOutWordsAction({ words: "alto" })).toEqual({ serverError: FORBIDDEN_OWNER_MESSAGE });
    expect(await db.optOutSetting.count()).toBe(0);
  });

  it("saves an owner's words in their compared form, and refuses START with the reason", async () => {
    signedIn = await makeSignedInAdmin({ role: "owner" });
    expect((await saveOptOutWordsAction({ words: "Alto!\nno more, alto" }))?.data).toEqual({ words: ["ALTO", "NOMORE"] });
    expect(await extraOptOutWords(db)).toEqual(["ALTO", "NOMORE"]);
    const refused = await saveOptOutWordsAction({ words: "basta\nstart" });
    expect(JSON.stringify(refused?.validationErrors)).toMatch(/START opts a customer back in/);
    expect(await extraOptOutWords(db)).toEqual(["ALTO", "NOMORE"]);
  });
});

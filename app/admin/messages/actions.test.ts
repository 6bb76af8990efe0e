// Server actions are public endpoints: the retry must check the session and its input itself.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { TAdmin } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { UNEXPECTED_ERROR_MESSAGE } from "@/lib/action";

let signedIn: TAdmin | null = null;
vi.mock("@/lib/auth/session", () => ({ getAdmin: async () => signedIn, requireAdmin: async () => signedIn }));
const revalidatePath = vi.fn();
vi.mock("next/cache", () => ({ revalidatePath: (...args: unknown[]) => revalidatePath(...args) }));
const retryMessage = vi.fn();
vi.mock("@/lib/outbox/retry", () => ({ retryMessage: (...args: unknown[]) => retryMessage(...args) }));

const { retryMessageAction } = await import("./actions");

const ADMIN: TAdmin = { id: "admin-1", email: "admin@example.com", name: "Naledi", role: "admin" };

beforeEach(() => {
  signedIn = null;
  revalidatePath.mockReset();
  retryMessage.mockReset();
});

describe("retryMessageAction", () => {
  it("refuses an anonymous caller before reading the input, and retries nothing", async () => {
    expect(await retryMessageAction({ messageId: "m1", expectedAttempts: 2 })).toEqual({ serverError: "Your session has ended. Sign in again to continue." });
    expect(await retryMessageAction({ messageId: "", expectedAttempts: -1 })).toEqual({ serverError: "Your session has ended. Sign in again to continue." });
    expect(retryMessage).not.toHaveBeenCalled();
  });

  it("retries as the signed-in admin with the attempts count the admin saw, then refreshes the admin pages", async () => {
    signedIn = ADMIN;
    retryMessage.mockResolvedValue({ messageId: "m1" });
    expect(await retryMessageAction({ messageId: "m1", expectedAttempts: 2 })).toEqual({ data: { messageId: "m1" } });
    expect(retryMessage).toHaveBeenCalledWith({ messageId: "m1", expectedAttempts: 2 }, "admin-1");
    expect(revalidatePath).toHaveBeenCalledWith("/admin", "layout");
  });

  it("rejects malformed input without calling the outbox", async () => {
    signedIn = ADMIN;
    const result = await retryMessageAction({ messageId: "", expectedAttempts: 1.5 });
    expect(result.validationErrors?.fieldErrors).toMatchObject({ messageId: expect.any(Array), expectedAttempts: expect.any(Array) });
    expect(retryMessage).not.toHaveBeenCalled();
  });

  it("shows the outbox's reason when it refuses (already retried, no longer failed) and refreshes nothing", async () => {
    signedIn = ADMIN;
    retryMessage.mockRejectedValue(new AppError("conflict", "Someone already sent this message again."));
    expect(await retryMessageAction({ messageId: "m1", expectedAttempts: 2 })).toEqual({ serverError: "Someone already sent this message again." });
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it("hides an unexpected failure's details", async () => {
    signedIn = ADMIN;
    retryMessage.mockRejectedValue(new Error("SQLITE_BUSY: database is locked at /data/ssg.db"));
    expect(await retryMessageAction({ messageId: "m1", expectedAttempts: 0 })).toEqual({ serverError: UNEXPECTED_ERROR_MESSAGE });
  });
});

// Server actions are public endpoints: the retry must check the session and its input itself.
// Runs the real outbox retry on the test database.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { TAdmin } from "@/lib/auth/session";
import { makeCustomer, makeSignedInAdmin } from "@/test/factories";

let signedIn: TAdmin | null = null;
vi.mock("@/lib/auth/session", () => ({ getAdmin: async () => signedIn, requireAdmin: async () => signedIn }));
const revalidatePath = vi.fn();
vi.mock("next/cache", () => ({ revalidatePath: (...args: unknown[]) => revalidatePath(...args) }));

const { retryMessageAction } = await import("./actions");

const SIGNED_OUT = "Your session has ended. Sign in again to continue.";

async function makeFailedMessage(status = "failed", attempts = 2) {
  const customer = await makeCustomer();
  return db.message.create({
    data: { channel: "whatsapp", direction: "outbound", origin: "admin", kind: "text", body: "Hi", customerId: customer.id, status, attempts, failedAt: new Date() },
  });
}

const statusOf = async (id: string) => (await db.message.findUniqueOrThrow({ where: { id } })).status;

beforeEach(() => {
  signedIn = null;
  revalidatePath.mockClear();
});

describe("retryMessageAction", () => {
  it("refuses an anonymous caller, before reading the input, and leaves the message failed", async () => {
    const message = await makeFailedMessage();
    expect(await retryMessageAction({ messageId: message.id, expectedAttempts: 2 })).toEqual({ serverError: SIGNED_OUT });
    expect(await retryMessageAction({ messageId: "", expectedAttempts: -1 })).toEqual({ serverError: SIGNED_OUT });
    expect(await statusOf(message.id)).toBe("failed");
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it("queues a failed message again and refreshes the admin pages (list, detail and the navigation's badge)", async () => {
    signedIn = await makeSignedInAdmin();
    const message = await makeFailedMessage();
    expect(await retryMessageAction({ messageId: message.id, expectedAttempts: 2 })).toEqual({ data: { messageId: message.id } });
    expect(await statusOf(message.id)).toBe("queued");
    expect(revalidatePath).toHaveBeenCalledWith("/admin", "layout");
  });

  it("makes a double click a no-op: the second click, with the same attempts count, is refused with a reason", async () => {
    signedIn = await makeSignedInAdmin();
    const message = await makeFailedMessage("uncertain", 1);
    const [first, second] = await Promise.all([
      retryMessageAction({ messageId: message.id, expectedAttempts: 1 }),
      retryMessageAction({ messageId: message.id, expectedAttempts: 1 }),
    ]);
    const results = [first, second];
    expect(results.filter((result) => result?.data)).toHaveLength(1);
    expect(results.find((result) => result?.serverError)?.serverError).toMatch(/already being sent again/);
    expect(await statusOf(message.id)).toBe("queued");
  });

  it("refuses a message that did not fail, and says why", async () => {
    signedIn = await makeSignedInAdmin();
    const message = await makeFailedMessage("delivered", 1);
    const result = await retryMessageAction({ messageId: message.id, expectedAttempts: 1 });
    expect(result?.serverError).toMatch(/Only failed or uncertain messages/);
    expect(await statusOf(message.id)).toBe("delivered");
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it("rejects malformed input without touching any message", async () => {
    signedIn = await makeSignedInAdmin();
    const result = await retryMessageAction({ messageId: "", expectedAttempts: 1.5 });
    expect(result?.validationErrors?.fieldErrors).toMatchObject({ messageId: expect.any(Array), expectedAttempts: expect.any(Array) });
  });
});

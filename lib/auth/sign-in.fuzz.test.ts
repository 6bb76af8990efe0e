// Property-based fuzz of sign-in and the account links on the real database: whatever arrives,
// the credentials check answers with the admin or one of its two messages, the public actions
// answer with a typed result (never the "something went wrong" of an unexpected throw), and no
// run leaves a half-made change behind.
import { beforeAll, describe, expect, it, vi } from "vitest";
import fc from "fast-check";
import { db } from "@/lib/db";

const request = vi.hoisted(() => ({ address: "192.0.2.50" }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": request.address }) }));

const { hashPassword } = await import("@/lib/auth/password");
const { authorizeCredentials, INVALID_LOGIN_MESSAGE } = await import("@/lib/auth/options");
const { UNEXPECTED_ERROR_MESSAGE } = await import("@/lib/action");
const { requestPasswordResetAction, resetPasswordAction, acceptInviteAction } = await import("@/app/login/actions");
const { issueToken } = await import("@/lib/auth/admin-tokens");

const EMAIL = "fuzz-owner@example.com";
const PASSWORD = "the right password";
const SIGN_IN_RUNS = 250;
const ACTION_RUNS = 150;

let ownerId = "";
let invitedId = "";

beforeAll(async () => {
  ownerId = (await db.adminUser.create({ data: { email: EMAIL, name: "Owner", role: "owner", passwordHash: await hashPassword(PASSWORD) } })).id;
  invitedId = (await db.adminUser.create({ data: { email: "fuzz-invited@example.com", name: "", role: "staff", passwordHash: null } })).id;
});

const awkwardText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.constantFrom("", " ", "\u0000", "\ud800", "a\udfffb", "%00", "' OR 1=1 --", "x".repeat(300), "Ünïcödé@例え.jp"),
);
const emailish = fc.oneof(fc.emailAddress(), fc.constant(EMAIL), fc.constant(EMAIL.toUpperCase()), awkwardText);
const passwordish = fc.oneof(fc.constant(PASSWORD), awkwardText);
// Passwords the reset and invite forms accept, so that runs also reach the database writes.
const newPasswordish = fc.oneof({ weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z0-9 !?-]{10,40}$/) }, { weight: 1, arbitrary: awkwardText });
const headerValue = fc.stringMatching(/^[\x20-\x7e]{0,40}$/);

const THROTTLED = /^Too many sign-in attempts from your connection\. Wait /;

describe("authorizeCredentials (the sign-in path)", () => {
  it(`answers every input with the admin or one of its two messages (${SIGN_IN_RUNS} runs)`, async () => {
    const before = await db.adminUser.findMany({ orderBy: { id: "asc" }, select: { id: true, role: true, sessionVersion: true, deactivatedAt: true } });
    const outcomes = { admin: 0, invalid: 0, throttled: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.record({ email: emailish, password: passwordish }), fc.anything()),
        fc.record({ "x-forwarded-for": headerValue, "user-agent": headerValue }),
        async (credentials, headers) => {
          try {
            const admin = await authorizeCredentials(credentials, { headers });
            outcomes.admin++;
            expect(admin).toMatchObject({ id: ownerId, email: EMAIL });
            expect((credentials as { password: string }).password).toBe(PASSWORD);
          } catch (error) {
            expect(error).toBeInstanceOf(Error);
            const message = (error as Error).message;
            if (message === INVALID_LOGIN_MESSAGE) outcomes.invalid++;
            else if (THROTTLED.test(message)) outcomes.throttled++;
            else throw new Error(`unexpected sign-in answer: ${message}`);
          }
        },
      ),
      { numRuns: SIGN_IN_RUNS },
    );
    console.info(`fuzz sign-in: ${SIGN_IN_RUNS} runs, ${outcomes.admin} signed in, ${outcomes.invalid} refused, ${outcomes.throttled} throttled, 0 unexpected`);
    // Nothing but counters changed: no account was altered by any input.
    expect(await db.adminUser.findMany({ orderBy: { id: "asc" }, select: { id: true, role: true, sessionVersion: true, deactivatedAt: true } })).toEqual(before);
    for (const row of await db.loginThrottle.findMany()) {
      expect(row.key).toMatch(/^(account:[^]*\|[^]*|address:[^]*)$/);
      expect(row.failures).toBeGreaterThanOrEqual(0);
    }
  });
});

type TResult = { data?: unknown; serverError?: string; validationErrors?: unknown } | undefined;

describe("the reset and invitation actions", () => {
  it(`answer every input with a typed result and leave no half-made change (${ACTION_RUNS} runs)`, async () => {
    const outcomes = { data: 0, validation: 0, refused: 0 };
    let resets = 0;
    let accepts = 0;
    const kinds = fc.constantFrom("request", "reset", "invite");
    // A link that is really open, one already spent, or anything at all.
    const tokenChoice = fc.oneof({ weight: 3, arbitrary: fc.constantFrom("open", "spent") }, { weight: 1, arbitrary: awkwardText }, { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    await fc.assert(
      fc.asyncProperty(kinds, tokenChoice, emailish, newPasswordish, awkwardText, fc.boolean(), fc.ipV4(), async (kind, choice, email, password, name, confirmSame, address) => {
        request.address = address;
        let token = choice;
        if (choice === "open" || choice === "spent") {
          const purpose = kind === "invite" ? "invite" : "reset";
          // An invitation can only be accepted once; later runs use links of an account that accepted it.
          token = await db.$transaction((tx) => issueToken(tx, { adminId: purpose === "invite" ? invitedId : ownerId, purpose, now: new Date() }));
          if (choice === "spent") await db.adminToken.updateMany({ where: { usedAt: null }, data: { usedAt: new Date() } });
        }
        const confirm = confirmSame || password.length % 5 > 0 ? password : `${password}x`;
        const result: TResult =
          kind === "request"
            ? await requestPasswordResetAction({ email })
            : kind === "reset"
              ? await resetPasswordAction({ token, password, confirm })
              : await acceptInviteAction({ token, name, password, confirm });
        expect(result?.serverError).not.toBe(UNEXPECTED_ERROR_MESSAGE);
        if (result?.data) {
          outcomes.data++;
          if (kind === "reset") resets++;
          if (kind === "invite") accepts++;
        } else if (result?.validationErrors) outcomes.validation++;
        else if (typeof result?.serverError === "string") outcomes.refused++;
        else throw new Error(`untyped result: ${JSON.stringify(result)}`);
      }),
      { numRuns: ACTION_RUNS },
    );
    console.info(`fuzz reset/invite actions: ${ACTION_RUNS} runs, ${outcomes.data} succeeded (${resets} resets, ${accepts} invitations accepted), ${outcomes.validation} invalid input, ${outcomes.refused} refused with a message, 0 unexpected`);
    // Every success is whole: a new password always came with its history entry and a new
    // sessionVersion, and nothing else did.
    const owner = await db.adminUser.findUniqueOrThrow({ where: { id: ownerId } });
    expect(owner.sessionVersion).toBe(resets);
    expect(await db.adminEvent.count({ where: { adminId: ownerId, action: "password_reset" } })).toBe(resets);
    const invited = await db.adminUser.findUniqueOrThrow({ where: { id: invitedId }, omit: { passwordHash: false } });
    expect(await db.adminEvent.count({ where: { adminId: invitedId, action: "invite_accepted" } })).toBe(accepts);
    expect(accepts).toBeLessThanOrEqual(1);
    expect(invited.passwordHash === null).toBe(accepts === 0);
    expect(invited.sessionVersion).toBe(accepts);
  });
});

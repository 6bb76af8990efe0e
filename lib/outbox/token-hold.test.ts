// A token Meta refuses (190) holds WhatsApp sends instead of burning their tries: the first send
// that meets it is held, every other WhatsApp send waits without a call, email goes on; once a
// check sees the token work (the doctor, the gate's own recheck) or the token is changed, each
// held message goes out exactly once. Real database, the sandbox over HTTP, a real SMTP listener.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startOutboxHarness, type TOutboxHarness } from "@/test/outbox-harness";

let h: TOutboxHarness;
let db: typeof import("@/lib/db").db;
let factories: typeof import("@/test/factories");
let enqueue: typeof import("@/lib/message-lifecycle/enqueue").enqueueNotification;
let gates: typeof import("@/lib/whatsapp-setup/token-hold");
let configured: typeof import("@/lib/whatsapp-setup/configured");
let tokenHash: typeof import("@/lib/whatsapp-setup/token-hash").tokenHash;
let config: typeof import("@/lib/env").whatsappConfig;
let createWhatsAppClient: typeof import("@/lib/whatsapp/client").createWhatsAppClient;

beforeAll(async () => {
  h = await startOutboxHarness({ dispatcher: { maxAttempts: 3 } });
  ({ db } = await import("@/lib/db"));
  factories = await import("@/test/factories");
  ({ enqueueNotification: enqueue } = await import("@/lib/message-lifecycle/enqueue"));
  gates = await import("@/lib/whatsapp-setup/token-hold");
  configured = await import("@/lib/whatsapp-setup/configured");
  ({ tokenHash } = await import("@/lib/whatsapp-setup/token-hash"));
  ({ whatsappConfig: config } = await import("@/lib/env"));
  ({ createWhatsAppClient } = await import("@/lib/whatsapp/client"));
});

afterAll(async () => {
  await h?.close();
});

beforeEach(async () => {
  h.sandbox.reset();
  h.smtp.mails.length = 0;
  await db.whatsAppSetupState.deleteMany();
  await db.message.deleteMany();
});

const key = (token = config.accessToken) => ({ phoneNumberId: config.phoneNumberId, tokenHash: tokenHash(token) });

function dispatcherWith(options: { holdMs: number; token?: string }) {
  const client = options.token ? createClientFor(options.token) : h.whatsapp;
  const tokenGate = gates.createTokenGate({ key: key(options.token), holdMs: options.holdMs, check: () => configured.tokenWorks(client), cacheMs: 0 });
  return h.makeDispatcher({ whatsapp: client, tokenGate, tokenHoldMs: options.holdMs });
}

/** The app restarted with another access token. */
const createClientFor = (token: string) => createWhatsAppClient({ ...config, baseUrl: h.graph.url, accessToken: token, timeoutMs: 5_000 });

async function queueMessages(count: number, contactPreference: "whatsapp" | "email" = "whatsapp") {
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const quote = await factories.makeQuote({ contactPreference });
    ids.push((await db.$transaction((tx) => enqueue(tx, { event: "quote.received", customerId: quote.customerId, quoteId: quote.id, version: "v1" })))!);
  }
  return ids;
}

const rows = (ids: string[]) => db.message.findMany({ where: { id: { in: ids } }, include: { sendAttempts: { orderBy: { number: "asc" } } } });
const expireToken = () => h.sandbox.configureSetup({ tokenType: "USER", tokenExpiresAt: Math.floor(Date.now() / 1000) - 60 });
const SENT = ["accepted", "sent", "delivered", "read"];

describe("a token Meta refuses", () => {
  it("holds every WhatsApp send with the reason, lets email through, and sends each once after the doctor sees the token work", async () => {
    const dispatcher = dispatcherWith({ holdMs: 60_000 });
    try {
      expireToken();
      const whatsapp = await queueMessages(3);
      const [email] = await queueMessages(1, "email");
      const before = Date.now();
      await dispatcher.drain();

      const held = await rows(whatsapp);
      for (const row of held) {
        expect(row).toMatchObject({ status: "queued", errorCode: "token_refused", errorTitle: "Waiting: WhatsApp refused the access token", failedAt: null, claimedBy: null });
        expect(row.errorDetail).toMatch(/WHATSAPP_ACCESS_TOKEN.*not lost or sent twice/);
        expect(row.dueAt!.getTime()).toBeGreaterThanOrEqual(before + 59_000);
      }
      // Sends in flight together may each meet the refusal once; none is sent or uses up a try.
      for (const row of held) expect(row.sendAttempts.map((attempt) => `${attempt.outcome}:${attempt.errorCode}`)).toEqual(row.attempts ? ["held:190"] : []);
      expect(h.sandbox.sent).toHaveLength(0);
      // Once the refusal is known, a new WhatsApp message waits without a call or a try.
      const [later] = await queueMessages(1);
      await dispatcher.drain();
      expect(await db.message.findUniqueOrThrow({ where: { id: later! }, include: { sendAttempts: true } })).toMatchObject({ status: "queued", errorCode: "token_refused", attempts: 0, sendAttempts: [] });
      whatsapp.push(later!);
      expect((await db.message.findUniqueOrThrow({ where: { id: email! } })).status).toBe("sent");
      expect(await (await import("@/lib/whatsapp-setup/notice")).readTokenNotice(key())).toMatchObject({ kind: "refused", held: 4 });

      // Nothing is due: another round calls nobody.
      await dispatcher.drain();
      expect(h.sandbox.sent).toHaveLength(0);

      // The token works again; the doctor's check sees it and the held messages go out.
      h.sandbox.configureSetup({ tokenExpiresAt: 0 });
      const { runDoctor } = await import("@/lib/whatsapp/doctor/runner");
      const result = await runDoctor(h.whatsapp, { setup: configured.configuredDoctorSetup(), heartbeat: { lastAcceptedAt: null, lastReceivedAt: null } });
      expect(result.token.valid).toBe(true);
      await configured.recordCheck(key(), result);
      await dispatcher.drain();

      const sent = await rows(whatsapp);
      for (const row of sent) expect(SENT).toContain(row.status);
      expect(sent.map((row) => row.errorCode)).toEqual([null, null, null, null]);
      for (const id of whatsapp) expect(h.sandbox.sent.filter((item) => item.callbackData === id)).toHaveLength(1);
      expect(await (await import("@/lib/whatsapp-setup/notice")).readTokenNotice(key())).toBeNull();
    } finally {
      await dispatcher.stop();
    }
  });

  it("checks the token again when the hold is over, and keeps waiting while it is still refused", async () => {
    const dispatcher = dispatcherWith({ holdMs: 300 });
    try {
      expireToken();
      const ids = await queueMessages(2);
      await dispatcher.drain();
      await new Promise((resolve) => setTimeout(resolve, 350));
      // Due again: the gate checks the token (still refused) and holds them for another while.
      await dispatcher.drain();
      expect(h.sandbox.sent).toHaveLength(0);
      expect((await rows(ids)).map((row) => row.status)).toEqual(["queued", "queued"]);

      h.sandbox.configureSetup({ tokenExpiresAt: 0 });
      await new Promise((resolve) => setTimeout(resolve, 350));
      await dispatcher.drain();
      for (const row of await rows(ids)) {
        expect(SENT).toContain(row.status);
        // One try met the refusal, one went out: the hold used none of the three allowed.
        expect(row.sendAttempts.map((attempt) => attempt.outcome).filter((outcome) => outcome !== "held")).toEqual(["accepted"]);
      }
      for (const id of ids) expect(h.sandbox.sent.filter((item) => item.callbackData === id)).toHaveLength(1);
    } finally {
      await dispatcher.stop();
    }
  });

  it("sends what was held at once when the token is changed for one that works", async () => {
    const first = dispatcherWith({ holdMs: 60_000 });
    expireToken();
    const ids = await queueMessages(2);
    await first.drain();
    await first.stop();
    expect((await rows(ids)).every((row) => row.errorCode === "token_refused")).toBe(true);

    // A new token is made and the app restarted with it.
    h.sandbox.setAccessToken("renewed-token-EAAG");
    const second = dispatcherWith({ holdMs: 60_000, token: "renewed-token-EAAG" });
    try {
      await second.drain();
      for (const row of await rows(ids)) expect(SENT).toContain(row.status);
      for (const id of ids) expect(h.sandbox.sent.filter((item) => item.callbackData === id)).toHaveLength(1);
      expect(await db.whatsAppSetupState.findUniqueOrThrow({ where: { phoneNumberId: config.phoneNumberId } })).toMatchObject({ tokenHash: tokenHash("renewed-token-EAAG"), refusedAt: null });
    } finally {
      await second.stop();
    }
  });
});

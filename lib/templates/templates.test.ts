// Templates on a real database, synced from the Graph API sandbox over HTTP and changed by the
// signed webhooks the sandbox posts to the app's own webhook route: every page is read, named and
// positional parameters are told apart, templates gone from Meta are kept as deleted, status and
// category webhooks update the rows (repeats and late ones included), and the send checks refuse
// what Meta would refuse.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { whatsappConfig } from "@/lib/env";
import { createWhatsAppClient } from "@/lib/whatsapp/client";
import { WhatsAppError } from "@/lib/whatsapp/errors";
import { startSandboxServer, type TSandboxServer } from "@/lib/whatsapp/sandbox/node-server";
import { templateStatusEnvelope } from "@/lib/whatsapp/sandbox/template-events";
import { SANDBOX_TEMPLATES } from "@/lib/whatsapp/sandbox/templates";
import { POST } from "@/app/api/webhooks/whatsapp/route";
import { startReceiver } from "@/test/http-receiver";
import { drainWebhooks, signWebhook, webhookRequest } from "@/test/webhook-requests";
import { makeCustomer } from "@/test/factories";
import { customerTemplateChoices, defaultTemplateKey } from "@/lib/templates/choices";
import { loadTemplates } from "@/lib/templates/catalog";
import { findStoredTemplate, listStoredTemplates, recentTemplateSends } from "@/lib/templates/queries";
import { claimDueSync } from "@/lib/templates/schedule";
import { createTemplateGate, refusalForCustomer } from "@/lib/templates/send-check";
import { syncTemplates } from "@/lib/templates/sync";

const TOKEN = "templates-test-token";
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let server: TSandboxServer;
let pagesRead: number[] = [];

const client = () => createWhatsAppClient({ ...whatsappConfig, baseUrl: server.url, accessToken: TOKEN, timeoutMs: 5_000 });
const source = { listTemplates: (options?: { onPage?: (page: number) => void }) => client().listTemplates({ onPage: (page) => (pagesRead.push(page), options?.onPage?.(page)) }) };
const stored = (name: string, language = "en") => findStoredTemplate(name, language);

/** Whatever the sandbox posted has reached the route: now apply it. */
async function applyWebhooks() {
  await server.sandbox.settle();
  await drainWebhooks();
}

beforeAll(async () => {
  receiver = await startReceiver((request) => POST(request));
  server = await startSandboxServer({
    appSecret: whatsappConfig.appSecret,
    accessToken: TOKEN,
    phoneNumberId: whatsappConfig.phoneNumberId,
    wabaId: whatsappConfig.wabaId,
    webhookUrl: receiver.url,
    webhookDelayMs: 1,
    // Eight templates, three to a page: three pages.
    templatePageSize: 3,
  });
});

afterAll(async () => {
  await server.close();
  await receiver.close();
});

beforeEach(async () => {
  server.sandbox.reset();
  pagesRead = [];
  await db.message.deleteMany();
  await db.whatsAppTemplate.deleteMany();
  await db.whatsAppTemplateSync.deleteMany();
  await db.webhookDelivery.deleteMany();
});

describe("the sync", () => {
  it("reads every page of the account's templates and stores each with its status, category, components and parameter format", async () => {
    const result = await syncTemplates(source);
    expect(result).toMatchObject({ ok: true, templates: SANDBOX_TEMPLATES.length, pages: 3, added: SANDBOX_TEMPLATES.length, deleted: 0 });
    expect(pagesRead).toEqual([1, 2, 3]);
    const all = await listStoredTemplates();
    expect(all.map((template) => `${template.name}/${template.language}/${template.status}/${template.category}`).sort()).toEqual(
      SANDBOX_TEMPLATES.map((template) => `${template.name}/${template.language}/${template.status}/${template.category}`).sort(),
    );
    const named = await stored("delivery_slot");
    expect(named).toMatchObject({ parameterFormat: "NAMED", components: [{ type: "BODY", text: expect.stringContaining("{{first_name}}") }] });
    expect(await stored("quote_ready")).toMatchObject({ parameterFormat: "POSITIONAL", syncedAt: expect.any(Date), deletedAt: null });
    expect(await db.whatsAppTemplateSync.findFirstOrThrow()).toMatchObject({ templates: 8, pages: 3, error: null, succeededAt: expect.any(Date) });
  });

  it("marks a template gone from Meta as deleted, keeps its row, and brings it back when it returns", async () => {
    await syncTemplates(source);
    const before = await stored("order_update");
    server.sandbox.setTemplateStatus({ name: "order_update", language: "en", event: "DELETED" }).catch(() => undefined);
    await server.sandbox.settle();
    const result = await syncTemplates(source);
    expect(result).toMatchObject({ ok: true, templates: 7, deleted: 1 });
    const gone = await stored("order_update");
    expect(gone).toMatchObject({ id: before!.id, deletedAt: expect.any(Date), unusable: expect.stringMatching(/Deleted/) });
    server.sandbox.addTemplate(SANDBOX_TEMPLATES.find((template) => template.name === "order_update")!);
    expect(await syncTemplates(source)).toMatchObject({ ok: true, templates: 8, deleted: 0 });
    expect(await stored("order_update")).toMatchObject({ id: before!.id, deletedAt: null, unusable: null });
  });

  it("notices a category changed behind its back and keeps what it was", async () => {
    await syncTemplates(source);
    // Changed on Meta with no webhook reaching us (receiver's answer ignored: nothing is applied).
    await server.sandbox.setTemplateCategory({ name: "quote_received", language: "en", category: "MARKETING" });
    await server.sandbox.settle();
    await db.webhookDelivery.deleteMany();
    await syncTemplates(source);
    const template = await stored("quote_received");
    expect(template).toMatchObject({ category: "MARKETING", previousCategory: "UTILITY", categoryChangedAt: expect.any(Date) });
    expect(template!.flags.map((flag) => flag.kind)).toEqual(["recategorised"]);
    expect(template!.unusable).toBeNull();
  });

  it("records a failed sync with its reason and keeps the templates it had", async () => {
    await syncTemplates(source);
    const broken = { listTemplates: () => createWhatsAppClient({ ...whatsappConfig, baseUrl: server.url, accessToken: "wrong" }).listTemplates() };
    expect(await syncTemplates(broken)).toMatchObject({ ok: false, title: expect.any(String) });
    expect((await db.whatsAppTemplateSync.findFirstOrThrow()).error).toMatch(/token/i);
    expect(await db.whatsAppTemplate.count({ where: { deletedAt: null } })).toBe(8);
  });

  it("syncs once on first use, and not again while the list is there", async () => {
    const first = await loadTemplates(source);
    expect(first).toMatchObject({ ok: true, syncedAt: expect.any(Date) });
    expect(pagesRead).toEqual([1, 2, 3]);
    await loadTemplates(source);
    expect(pagesRead).toEqual([1, 2, 3]);
  });

  it("is due at start when never synced, then not until the interval has passed, and only for one process at a time", async () => {
    const now = new Date();
    const sixHours = 6 * 3_600_000;
    expect(await claimDueSync(now, sixHours)).toBe(true);
    // Running (started, not finished): a second process does not start another.
    expect(await claimDueSync(now, sixHours)).toBe(false);
    await syncTemplates(source, { now });
    expect(await claimDueSync(new Date(now.getTime() + 60_000), sixHours)).toBe(false);
    expect(await claimDueSync(new Date(now.getTime() + sixHours + 60_000), sixHours)).toBe(true);
  });
});

describe("template webhooks", () => {
  beforeEach(async () => {
    await syncTemplates(source);
  });

  it("a paused template is stored paused, with Meta's reason, flagged and refused before any call", async () => {
    await server.sandbox.setTemplateStatus({ name: "quote_ready", language: "en", event: "PAUSED", reason: "LOW_QUALITY" });
    await applyWebhooks();
    const paused = await stored("quote_ready");
    expect(paused).toMatchObject({ status: "PAUSED", statusReason: "LOW_QUALITY" });
    expect(paused!.flags[0]).toMatchObject({ kind: "paused", blocking: true, text: expect.stringMatching(/Paused by Meta.*low quality/) });
    const refused = await createTemplateGate().check("quote_ready", "en").catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(WhatsAppError);
    expect(refused).toMatchObject({ code: 132015, retryable: false, details: expect.stringMatching(/Not sent to WhatsApp/) });
    expect(await refusalForCustomer("quote_ready", "en")).toMatch(/cannot be sent.*Paused/);
    // Meta approves it again.
    await server.sandbox.setTemplateStatus({ name: "quote_ready", language: "en", event: "APPROVED" });
    await applyWebhooks();
    expect(await stored("quote_ready")).toMatchObject({ status: "APPROVED", statusReason: null, unusable: null });
  });

  it("a rejection keeps its reason; repeats change nothing", async () => {
    const post = async (at: Date) => {
      const body = JSON.stringify(templateStatusEnvelope(whatsappConfig.wabaId, SANDBOX_TEMPLATES[2]!, "REJECTED", "INCORRECT_CATEGORY", at));
      expect((await POST(webhookRequest(body, signWebhook(body)))).status).toBe(200);
    };
    const at = new Date(Math.floor(Date.now() / 1000) * 1000 + 5_000);
    await post(at);
    await post(at);
    await drainWebhooks();
    await post(at);
    await drainWebhooks();
    expect(await stored("quote_received")).toMatchObject({ status: "REJECTED", rejectedReason: "INCORRECT_CATEGORY", statusAt: at });
    expect((await stored("quote_received"))!.flags.map((flag) => flag.kind)).toEqual(["rejected"]);
    expect(await db.webhookDelivery.count({ where: { outcome: "applied" } })).toBe(3);
  });

  it("a late delivery of an older event does not undo a newer one, in one batch or across deliveries", async () => {
    const template = SANDBOX_TEMPLATES.find((candidate) => candidate.name === "order_update")!;
    const t1 = new Date(Math.floor(Date.now() / 1000) * 1000 + 10_000);
    const t2 = new Date(t1.getTime() + 60_000);
    const deliver = async (event: string, at: Date) => {
      const body = JSON.stringify(templateStatusEnvelope(whatsappConfig.wabaId, template, event, null, at));
      await POST(webhookRequest(body, signWebhook(body)));
    };
    // The newer APPROVED arrives first and is applied; the older PAUSED comes later.
    await deliver("APPROVED", t2);
    await drainWebhooks();
    await deliver("PAUSED", t1);
    await drainWebhooks();
    expect(await stored("order_update")).toMatchObject({ status: "APPROVED", statusAt: t2 });
    // Both in one batch, the older last: still the newer wins.
    await deliver("DISABLED", new Date(t2.getTime() + 60_000));
    await deliver("PAUSED", new Date(t2.getTime() + 30_000));
    await drainWebhooks();
    expect(await stored("order_update")).toMatchObject({ status: "DISABLED" });
    // A webhook older than the last sync is history too.
    await syncTemplates(source, { now: new Date(t2.getTime() + 120_000) });
    await deliver("PAUSED", new Date(t2.getTime() + 90_000));
    await drainWebhooks();
    expect(await stored("order_update")).toMatchObject({ status: "APPROVED" });
  });

  it("a re-categorised template is flagged with both categories; the same webhook again keeps them", async () => {
    await server.sandbox.setTemplateCategory({ name: "order_update", language: "en", category: "MARKETING" });
    await applyWebhooks();
    const first = await stored("order_update");
    expect(first).toMatchObject({ category: "MARKETING", previousCategory: "UTILITY" });
    expect(first!.flags).toEqual([expect.objectContaining({ kind: "recategorised", blocking: false, text: expect.stringMatching(/from utility to marketing/) })]);
    const last = server.sandbox.deliveries.at(-1)!;
    await POST(webhookRequest(last.body, signWebhook(last.body)));
    await drainWebhooks();
    expect(await stored("order_update")).toMatchObject({ category: "MARKETING", previousCategory: "UTILITY" });
  });

  it("an event for a template not synced yet makes its row; another account's is ignored", async () => {
    const fresh = { id: "910000000000099", name: "gift_wrap_offer", language: "af", status: "APPROVED", category: "MARKETING" };
    const body = JSON.stringify(templateStatusEnvelope(whatsappConfig.wabaId, fresh, "APPROVED", null, new Date()));
    await POST(webhookRequest(body, signWebhook(body)));
    const foreign = JSON.stringify(templateStatusEnvelope("999999", { ...fresh, name: "not_ours" }, "APPROVED", null, new Date()));
    await POST(webhookRequest(foreign, signWebhook(foreign)));
    await drainWebhooks();
    expect(await stored("gift_wrap_offer", "af")).toMatchObject({ status: "APPROVED", category: "MARKETING", metaId: "910000000000099", syncedAt: null });
    expect(await stored("not_ours", "af")).toBeNull();
    expect(await db.webhookDelivery.findFirstOrThrow({ where: { body: foreign } })).toMatchObject({ outcome: "ignored" });
  });
});

describe("what a customer may be sent", () => {
  beforeEach(async () => {
    await syncTemplates(source);
  });

  it("never offers Meta's samples, lists unusable ones after the usable with the reason, and starts on the event's template", async () => {
    await server.sandbox.setTemplateStatus({ name: "quote_ready", language: "en", event: "PAUSED" });
    await applyWebhooks();
    const choices = customerTemplateChoices(await listStoredTemplates());
    const names = choices.map((choice) => choice.name);
    expect(names).not.toContain("hello_world");
    expect(names).not.toContain("sample_purchase_feedback");
    expect(choices.filter((choice) => !choice.unusable).map((choice) => choice.name).sort()).toEqual(["delivery_slot", "order_update", "quote_received"]);
    expect(choices.slice(-3).every((choice) => choice.unusable)).toBe(true);
    // The quote's template is paused: the dialog starts on the first usable one instead.
    expect(defaultTemplateKey(choices, { name: "quote_ready", language: "en" })).toBe(choices[0]!.key);
    expect(defaultTemplateKey(choices, { name: "order_update", language: "en" })).toBe("order_update|en");
    expect(choices.find((choice) => choice.name === "delivery_slot")).toMatchObject({ format: "NAMED", bodyParameters: ["first_name", "order_number", "slot"] });
    expect(choices.find((choice) => choice.name === "order_update")).toMatchObject({ format: "POSITIONAL", bodyParameters: ["1", "2", "3"] });
    expect(await refusalForCustomer("hello_world", "en_US")).toMatch(/sample/);
  });

  it("sends a named template with each parameter's name, which the sandbox (like Meta) requires", async () => {
    const names = await createTemplateGate().check("delivery_slot", "en");
    expect(names).toEqual({ parameterNames: ["first_name", "order_number", "slot"] });
    const sent = await client().sendTemplate({ to: "27821234567", name: "delivery_slot", language: "en", bodyParameters: ["Ann", "O-2026-0001", "tomorrow 9-12"], bodyParameterNames: names.parameterNames, callbackData: "m1" });
    expect(sent.request).toMatchObject({ template: { components: [{ type: "body", parameters: [{ parameter_name: "first_name", text: "Ann" }, { parameter_name: "order_number" }, { parameter_name: "slot" }] }] } });
    const unnamed = await client().sendTemplate({ to: "27821234567", name: "delivery_slot", language: "en", bodyParameters: ["Ann", "O-1", "today"], callbackData: "m2" }).catch((error: unknown) => error);
    expect(unnamed).toMatchObject({ code: 132012 });
    // A positional template takes none.
    expect(await createTemplateGate().check("order_update", "en")).toEqual({});
  });

  it("says when the same template went to this customer in the last hour (not counting failed ones)", async () => {
    const customer = await makeCustomer();
    const now = new Date();
    const base = { channel: "whatsapp", direction: "outbound", origin: "admin", kind: "template", customerId: customer.id, templateLanguage: "en", statusRank: 1 };
    await db.message.create({ data: { ...base, templateName: "order_update", status: "delivered", createdAt: new Date(now.getTime() - 20 * 60_000) } });
    await db.message.create({ data: { ...base, templateName: "quote_received", status: "failed", createdAt: new Date(now.getTime() - 5 * 60_000) } });
    await db.message.create({ data: { ...base, templateName: "quote_ready", status: "read", createdAt: new Date(now.getTime() - 2 * 3_600_000) } });
    const other = await makeCustomer({ email: "other@example.com", phone: "27820000002" });
    await db.message.create({ data: { ...base, customerId: other.id, templateName: "delivery_slot", status: "sent" } });
    const recent = await recentTemplateSends(customer.id, new Date(now.getTime() - 3_600_000));
    expect(Object.keys(recent)).toEqual(["order_update|en"]);
  });

  it("lets a template through when nothing was ever synced (Meta decides, as before)", async () => {
    await db.whatsAppTemplate.deleteMany();
    expect(await createTemplateGate().check("anything", "en")).toEqual({});
    expect(await refusalForCustomer("anything", "en")).toBeNull();
  });
});

// Settings → Limits and rates through its server actions: an owner saves the tier used while
// Meta's is unknown and the rates (an empty field removes one), a bad rate comes back on its
// field, staff are refused, and "Check Meta now" stores the tier Meta reports (a recorded answer).
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { TAdmin } from "@/lib/auth/session";
import { FORBIDDEN_OWNER_MESSAGE } from "@/lib/action";
import { makeSignedInAdmin } from "@/test/factories";

let signedIn: TAdmin | null = null;
vi.mock("@/lib/auth/session", () => ({ getAdmin: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("@/lib/messages/whatsapp-client", () => ({ getWhatsAppClient: () => ({ getPhoneNumber: async () => ({ id: "1", whatsapp_business_manager_messaging_limit: "TIER_10K" }) }) }));

const { checkMessagingLimitAction, saveUsageSettingsAction } = await import("./actions");

const input = { fallbackTier: "TIER_2K" as const, marketing: "0.68", utility: "0,0043", authentication: "", service: "0.10" };

beforeEach(async () => {
  await db.whatsAppRate.deleteMany();
  await db.whatsAppLimitSetting.deleteMany();
  signedIn = await makeSignedInAdmin({ role: "owner" });
});

describe("limits and rates", () => {
  it("saves the fallback tier and the rates in the business's currency, and removes a rate left empty", async () => {
    expect(await saveUsageSettingsAction(input)).toEqual({ data: { saved: true } });
    expect(await db.whatsAppLimitSetting.findUniqueOrThrow({ where: { id: "default" } })).toMatchObject({ fallbackTier: "TIER_2K" });
    const rates = await db.whatsAppRate.findMany({ orderBy: { category: "asc" } });
    expect(rates.map((rate) => [rate.category, rate.amountMicros, rate.currency])).toEqual([["marketing", 680_000n, "ZAR"], ["service", 100_000n, "ZAR"], ["utility", 4_300n, "ZAR"]]);
    await saveUsageSettingsAction({ ...input, marketing: "" });
    expect(await db.whatsAppRate.count({ where: { category: "marketing" } })).toBe(0);
  });

  it("puts a rate it cannot read on its field and saves nothing", async () => {
    const result = await saveUsageSettingsAction({ ...input, utility: "0.0000043" });
    expect(result?.validationErrors?.fieldErrors).toEqual({ utility: [expect.stringContaining("at most 6 decimals")] });
    expect(await db.whatsAppRate.count()).toBe(0);
  });

  it("refuses staff", async () => {
    signedIn = await makeSignedInAdmin({ role: "staff" });
    expect(await saveUsageSettingsAction(input)).toEqual({ serverError: FORBIDDEN_OWNER_MESSAGE });
    expect(await checkMessagingLimitAction()).toEqual({ serverError: FORBIDDEN_OWNER_MESSAGE });
    expect(await db.whatsAppRate.count()).toBe(0);
  });

  it("reads the messaging limit from Meta on demand", async () => {
    expect(await checkMessagingLimitAction()).toEqual({ data: { tier: "TIER_10K", source: "meta", error: null } });
    expect(await db.whatsAppLimitSetting.findUniqueOrThrow({ where: { id: "default" } })).toMatchObject({ metaTier: "TIER_10K", metaError: null });
  });
});

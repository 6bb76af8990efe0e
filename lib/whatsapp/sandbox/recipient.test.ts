import { describe, expect, it } from "vitest";
import { answeredContact, refusedForUserId, sendTarget } from "@/lib/whatsapp/sandbox/recipient";

describe("sendTarget", () => {
  it("reads `to` as the phone number, and `recipient` as a BSUID when there is no `to`", () => {
    expect(sendTarget({ to: "27821234567" })).toEqual({ ok: true, address: "27821234567", byUserId: false });
    expect(sendTarget({ recipient: "ZA.13491208655302741918" })).toEqual({ ok: true, address: "ZA.13491208655302741918", byUserId: true });
    // As Meta: `to` wins when both are given.
    expect(sendTarget({ to: "27821234567", recipient: "ZA.1" })).toMatchObject({ address: "27821234567", byUserId: false });
  });

  it("answers 131009 for a malformed number or user id", async () => {
    for (const body of [{}, { to: "+27 82 123" }, { recipient: "27821234567" }, { recipient: "za.1" }]) {
      const target = sendTarget(body);
      expect(target.ok, JSON.stringify(body)).toBe(false);
      if (!target.ok) expect((await target.response.json()).error.code).toBe(131009);
    }
  });
});

describe("a send by BSUID", () => {
  it("is refused with 131062 for an authentication template only", async () => {
    const refused = refusedForUserId("AUTHENTICATION");
    expect(refused?.status).toBe(400);
    expect((await refused!.json()).error.code).toBe(131062);
    expect(refusedForUserId("UTILITY")).toBeNull();
    expect(refusedForUserId(undefined)).toBeNull();
  });

  it("is answered with the user id instead of wa_id", () => {
    expect(answeredContact({ address: "ZA.1", byUserId: true })).toEqual({ input: "ZA.1", user_id: "ZA.1" });
    expect(answeredContact({ address: "27821234567", byUserId: false })).toEqual({ input: "27821234567", wa_id: "27821234567" });
  });
});

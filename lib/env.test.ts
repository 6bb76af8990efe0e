import { describe, expect, it } from "vitest";
import { parseEnv, whatsappConfigFrom } from "@/lib/env";

describe("parseEnv", () => {
  it("runs on defaults alone: SQLite, sandbox WhatsApp", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBe("file:./data/ssg.db");
    expect(whatsappConfigFrom(env, "http://localhost:3000")).toMatchObject({ mode: "sandbox", baseUrl: "http://localhost:3000/api/sandbox/graph" });
  });

  it("names every missing or malformed variable at once", () => {
    expect(() => parseEnv({ PORT: "abc", WHATSAPP_ACCESS_TOKEN: "EAAtoken", WHATSAPP_PHONE_NUMBER_ID: "123" })).toThrow(
      ["Invalid configuration:", "  PORT: Invalid input: expected number, received NaN", "  WHATSAPP_WABA_ID: is required when WHATSAPP_ACCESS_TOKEN is set", "  WHATSAPP_APP_SECRET: is required when WHATSAPP_ACCESS_TOKEN is set", "  WHATSAPP_VERIFY_TOKEN: is required when WHATSAPP_ACCESS_TOKEN is set"].join("\n"),
    );
  });

  it("switches to Meta's Graph API with a token, keeping the version from config", () => {
    const env = parseEnv({ WHATSAPP_ACCESS_TOKEN: "t", WHATSAPP_PHONE_NUMBER_ID: "1", WHATSAPP_WABA_ID: "2", WHATSAPP_APP_SECRET: "s", WHATSAPP_VERIFY_TOKEN: "v", WHATSAPP_API_VERSION: "v25.0" });
    expect(whatsappConfigFrom(env, "http://x")).toMatchObject({ mode: "live", baseUrl: "https://graph.facebook.com", version: "v25.0", phoneNumberId: "1" });
  });

  it("refuses a malformed API version", () => {
    expect(() => parseEnv({ WHATSAPP_API_VERSION: "26" })).toThrow("WHATSAPP_API_VERSION: must look like v26.0");
  });
});

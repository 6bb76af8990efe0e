import { describe, expect, it } from "vitest";
import { contactFieldLabel, contactFieldValue } from "@/lib/customers/contact-fields";

describe("contact fields as the customer pages show them", () => {
  it("names each field in words, and an unknown one as stored", () => {
    expect(contactFieldLabel("phone")).toBe("phone");
    expect(contactFieldLabel("contactPreference")).toBe("contact preference");
    expect(contactFieldLabel("whatsappUserId")).toBe("whatsappUserId");
    expect(contactFieldLabel(null)).toBe("detail");
  });

  it("shows phones with their country code, preferences by name and a missing value as none", () => {
    expect(contactFieldValue("phone", "27821234567")).toBe("+27 82 123 4567");
    expect(contactFieldValue("contactPreference", "whatsapp")).toBe("WhatsApp");
    expect(contactFieldValue("email", "a@example.com")).toBe("a@example.com");
    expect(contactFieldValue("email", null)).toBe("none");
    expect(contactFieldValue("phone", "")).toBe("none");
  });
});

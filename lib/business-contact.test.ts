import { describe, expect, it } from "vitest";
import { businessContactFrom, contactDirectlyText } from "@/lib/business-contact";

describe("the business's contact details", () => {
  it("names the address and the number where a customer is told to contact the business", () => {
    const contact = businessContactFrom("hello@shop.example", "+27 (21) 555-0100");
    expect(contact.phoneHref).toBe("tel:+27215550100");
    expect(contactDirectlyText(contact)).toBe("contact us directly at hello@shop.example or +27 (21) 555-0100");
    expect(contactDirectlyText(businessContactFrom(undefined, "021 555 0100"))).toBe("contact us directly at 021 555 0100");
  });

  it("still reads as a sentence when the business has set neither", () => {
    expect(contactDirectlyText(businessContactFrom(undefined, undefined))).toBe("contact us directly");
  });
});

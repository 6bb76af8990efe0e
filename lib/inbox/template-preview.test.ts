import { describe, expect, it } from "vitest";
import { fillTemplate } from "@/lib/inbox/template-preview";

describe("fillTemplate", () => {
  it("fills positional placeholders in order", () => {
    expect(fillTemplate("Hi {{1}}, quote {{2}} is {{3}}.", ["Ann", "Q-1", "R100"])).toBe("Hi Ann, quote Q-1 is R100.");
  });

  it("fills named placeholders by first appearance, repeats included", () => {
    expect(fillTemplate("{{ first_name }}: {{order}} for {{first_name}}", ["Ann", "O-7"])).toBe("Ann: O-7 for Ann");
  });

  it("leaves an empty value's placeholder in view", () => {
    expect(fillTemplate("Hi {{1}}, {{2}}", ["Ann", "  "])).toBe("Hi Ann, {{2}}");
  });
});

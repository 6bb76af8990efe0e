import { describe, expect, it } from "vitest";
import { fillTemplateText, parameterFormatOf, templateShape } from "@/lib/templates/shape";

describe("a template's shape", () => {
  it("positional: body parameters by number, whatever order they appear in, each once", () => {
    const shape = templateShape({ components: [{ type: "BODY", text: "Order {{2}} for {{1}}, again {{2}}; {{10}} and {{3}}" }] });
    expect(shape).toMatchObject({ format: "POSITIONAL", bodyParameters: ["1", "2", "3", "10"], headerParameters: [], buttonUrl: null });
  });

  it("named: by first appearance, from Meta's parameter_format or, without it, from the text", () => {
    const components = [{ type: "BODY", text: "Hi {{first_name}}, order {{order_number}} is {{ status }}, {{first_name}}." }];
    expect(templateShape({ components, parameter_format: "NAMED" })).toMatchObject({ format: "NAMED", bodyParameters: ["first_name", "order_number", "status"] });
    expect(parameterFormatOf({ components })).toBe("NAMED");
    expect(parameterFormatOf({ components: [{ type: "BODY", text: "Hi {{1}}" }] })).toBe("POSITIONAL");
  });

  it("a text header's parameters, a media header's one, and the first link button that takes a parameter", () => {
    const shape = templateShape({
      components: [
        { type: "HEADER", format: "TEXT", text: "Quote {{1}}" },
        { type: "BODY", text: "Hello" },
        { type: "BUTTONS", buttons: [{ type: "QUICK_REPLY", text: "Yes" }, { type: "URL", text: "Site", url: "https://ssg.example/" }, { type: "URL", text: "Quote", url: "https://ssg.example/{{1}}" }] },
      ],
    });
    expect(shape).toMatchObject({ headerParameters: ["1"], bodyParameters: [], buttonUrl: "https://ssg.example/{{1}}", urlButtonParameters: 1 });
    expect(templateShape({ components: [{ type: "HEADER", format: "IMAGE" }] }).headerParameters).toEqual(["media"]);
  });

  it("fills a preview, leaving a placeholder where the value is empty", () => {
    expect(fillTemplateText("Hi {{first_name}}, {{slot}}", ["first_name", "slot"], ["Ann", ""])).toBe("Hi Ann, {{slot}}");
    expect(fillTemplateText("Hi {{1}}, order {{2}}", ["1", "2"], ["Ann", "O-1"])).toBe("Hi Ann, order O-1");
  });
});

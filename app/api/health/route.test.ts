import { describe, expect, it } from "vitest";
import { dynamic, GET } from "./route";

describe("GET /api/health", () => {
  it("answers 200 {ok:true}, never cached", async () => {
    const response = GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ ok: true });
  });

  it("is rendered on every request, not once at build time", () => {
    expect(dynamic).toBe("force-dynamic");
  });
});

import { describe, expect, it } from "vitest";
import { customerListHref, DEFAULT_CUSTOMER_LIST_PARAMS, parseCustomerListParams, sortHref } from "@/lib/customers/list-params";

describe("customer list params", () => {
  it("reads a bookmarked view", () => {
    expect(parseCustomerListParams({ q: " Ann ", preference: "whatsapp", sort: "name", dir: "desc", page: "3" })).toEqual({
      q: "Ann",
      preference: "whatsapp",
      sort: "name",
      dir: "desc",
      page: 3,
    });
  });

  it("uses the defaults for an empty URL: newest customers first", () => {
    expect(DEFAULT_CUSTOMER_LIST_PARAMS).toEqual({ q: "", preference: undefined, sort: "created", dir: "desc", page: 1 });
  });

  it("sorts names A to Z when the URL names no direction", () => {
    expect(parseCustomerListParams({ sort: "name" }).dir).toBe("asc");
    expect(parseCustomerListParams({ sort: "name", dir: "sideways" }).dir).toBe("asc");
  });

  it("falls back to defaults for anything unreadable, one parameter at a time", () => {
    expect(parseCustomerListParams({ preference: "sms", sort: "; DROP TABLE", dir: "up", page: "-4" })).toEqual(DEFAULT_CUSTOMER_LIST_PARAMS);
    expect(parseCustomerListParams({ page: "2.5" }).page).toBe(1);
    expect(parseCustomerListParams({ page: "9999999" }).page).toBe(1);
    expect(parseCustomerListParams({ page: ["2", "9"], preference: ["email", "whatsapp"] })).toMatchObject({ page: 2, preference: "email" });
    expect(parseCustomerListParams({ q: "a".repeat(150) }).q).toHaveLength(100);
  });

  it("writes short URLs that read back to the same view", () => {
    const params = parseCustomerListParams({ q: "ann", preference: "email" });
    expect(customerListHref(params, { page: 2 })).toBe("/admin/customers?q=ann&preference=email&page=2");
    expect(customerListHref(DEFAULT_CUSTOMER_LIST_PARAMS)).toBe("/admin/customers");
    expect(customerListHref(DEFAULT_CUSTOMER_LIST_PARAMS, { q: "a&b=c" })).toBe("/admin/customers?q=a%26b%3Dc");
    for (const change of [{ sort: "name", dir: "asc" }, { sort: "name", dir: "desc" }, { sort: "created", dir: "asc" }, { page: 7 }] as const) {
      const href = customerListHref(params, change);
      expect(parseCustomerListParams(Object.fromEntries(new URLSearchParams(href.split("?")[1])))).toEqual({ ...params, ...change });
    }
  });

  it("sorts a new column in its natural direction and flips the current one, from page 1", () => {
    const onPage3 = parseCustomerListParams({ page: "3" });
    expect(sortHref(onPage3, "name")).toBe("/admin/customers?sort=name");
    expect(sortHref(onPage3, "created")).toBe("/admin/customers?dir=asc");
    expect(sortHref(parseCustomerListParams({ sort: "name" }), "name")).toBe("/admin/customers?sort=name&dir=desc");
  });
});

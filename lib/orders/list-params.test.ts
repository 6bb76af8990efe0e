import { describe, expect, it } from "vitest";
import {
  DEFAULT_ORDER_LIST_PARAMS,
  orderListHref,
  orderListWithStatus,
  orderSortHref,
  parseOrderListParams,
} from "@/lib/orders/list-params";

describe("order list params", () => {
  it("reads a bookmarked view", () => {
    expect(parseOrderListParams({ q: " Thabo ", status: "in_production", sort: "delivery", dir: "asc", page: "4" })).toEqual({
      q: "Thabo",
      status: "in_production",
      sort: "delivery",
      dir: "asc",
      page: 4,
    });
  });

  it("uses the defaults for an empty URL: newest first, every status", () => {
    expect(DEFAULT_ORDER_LIST_PARAMS).toEqual({ q: "", status: undefined, sort: "created", dir: "desc", page: 1 });
  });

  it("accepts every order status and 'open', and nothing else", () => {
    for (const status of ["open", "confirmed", "in_production", "ready", "out_for_delivery", "delivered", "cancelled"]) {
      expect(parseOrderListParams({ status }).status).toBe(status);
    }
    expect(parseOrderListParams({ status: "new" }).status).toBeUndefined(); // a quote status
    expect(parseOrderListParams({ status: "OPEN" }).status).toBeUndefined();
  });

  it("falls back to defaults for anything unreadable, one parameter at a time", () => {
    expect(parseOrderListParams({ status: "lost", sort: "received", dir: "sideways", page: "0" })).toEqual(DEFAULT_ORDER_LIST_PARAMS);
    expect(parseOrderListParams({ page: "abc", sort: "total" })).toMatchObject({ page: 1, sort: "total" });
    expect(parseOrderListParams({ page: "1e9" }).page).toBe(1);
    expect(parseOrderListParams({ status: ["ready", "delivered"] }).status).toBe("ready");
    expect(parseOrderListParams({ q: "x".repeat(300) }).q).toHaveLength(100);
  });

  it("writes short URLs that read back to the same view", () => {
    const params = parseOrderListParams({ q: "naidoo", status: "open" });
    expect(orderListHref(params, { page: 2 })).toBe("/admin/orders?q=naidoo&status=open&page=2");
    expect(orderListHref(DEFAULT_ORDER_LIST_PARAMS)).toBe("/admin/orders");
    const href = orderListHref(params, { sort: "total", dir: "asc", page: 3 });
    expect(parseOrderListParams(Object.fromEntries(new URLSearchParams(href.split("?")[1])))).toEqual({ ...params, sort: "total", dir: "asc", page: 3 });
    expect(orderListWithStatus("ready")).toBe("/admin/orders?status=ready");
  });

  it("sorts a new column in its natural direction and flips the current one, from page 1", () => {
    const onPage5 = parseOrderListParams({ page: "5" });
    expect(orderSortHref(onPage5, "delivery")).toBe("/admin/orders?sort=delivery&dir=asc");
    expect(orderSortHref(onPage5, "total")).toBe("/admin/orders?sort=total");
    expect(orderSortHref(onPage5, "created")).toBe("/admin/orders?dir=asc");
    expect(orderSortHref(parseOrderListParams({ sort: "delivery", dir: "asc" }), "delivery")).toBe("/admin/orders?sort=delivery");
  });
});

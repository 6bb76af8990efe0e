// The event list names order statuses without importing them (events.ts is a leaf): these
// checks keep the two in step when a status is added or renamed.
import { describe, expect, it } from "vitest";
import { eventLabel, NOTIFICATION_EVENTS, ORDER_EVENTS, ORDER_STATUS_WORDS, orderEvent } from "@/lib/notifications/events";
import { ORDER_STATUS_LABEL, ORDER_STATUSES } from "@/lib/orders/status";

describe("notification events", () => {
  it("has an event for every order status an order can move to, and none for confirmed", () => {
    expect(ORDER_EVENTS).toEqual(ORDER_STATUSES.filter((status) => status !== "confirmed").map((status) => `order.${status}`));
    expect(orderEvent("confirmed")).toBeNull();
    expect(orderEvent("ready")).toBe("order.ready");
    expect(orderEvent("no_such_status")).toBeNull();
  });

  it("words every order status as its label says it, in lower case", () => {
    expect(ORDER_STATUS_WORDS).toEqual(Object.fromEntries(ORDER_STATUSES.map((status) => [status, ORDER_STATUS_LABEL[status].toLowerCase()])));
  });

  it("labels every event for people, and shows an unknown one as it is", () => {
    expect(eventLabel("order.out_for_delivery")).toBe("Order out for delivery");
    expect(eventLabel("quote.accepted")).toBe("Quote accepted (order confirmed)");
    expect(eventLabel("order.constructor")).toBe("order.constructor");
    expect(eventLabel("something.else")).toBe("something.else");
    for (const event of NOTIFICATION_EVENTS) expect(eventLabel(event)).not.toBe(event);
  });
});

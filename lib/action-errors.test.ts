import { describe, expect, it, vi } from "vitest";
import { applyActionErrors } from "@/lib/action-errors";

const FALLBACK = "Could not save. Please try again.";

describe("applyActionErrors", () => {
  it("puts a shown field's error on the field and says nothing more above the form", () => {
    const setError = vi.fn();
    const result = { validationErrors: { formErrors: [], fieldErrors: { how: ["Say how the customer agreed."] } } };
    expect(applyActionErrors(result, setError, ["how"], FALLBACK)).toBeNull();
    expect(setError).toHaveBeenCalledWith("how", { message: "Say how the customer agreed." });
  });

  it("shows an error on a hidden field above the form instead of losing it", () => {
    const setError = vi.fn();
    const result = { validationErrors: { fieldErrors: { customerId: ["Choose a customer."] } } };
    expect(applyActionErrors(result, setError, ["how"], FALLBACK)).toBe("Choose a customer.");
    expect(setError).not.toHaveBeenCalled();
  });

  it("prefers the server's sentence, and falls back when there is nothing to show", () => {
    expect(applyActionErrors({ serverError: "This customer no longer exists." }, vi.fn(), ["how"], FALLBACK)).toBe("This customer no longer exists.");
    expect(applyActionErrors(undefined, vi.fn(), ["how"], FALLBACK)).toBe(FALLBACK);
  });
});

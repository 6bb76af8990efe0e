// Human numbers against a real database file: in order, never shared, per prefix and year.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { nextNumber, yearIn } from "@/lib/document-number";

const take = (prefix: "Q" | "O", year: string) => db.$transaction((tx) => nextNumber(tx, prefix, year));
const counter = (number: string) => Number(number.split("-")[2]);

describe("nextNumber", () => {
  it("starts each year at 0001 and counts up", async () => {
    expect(await take("Q", "2030")).toBe("Q-2030-0001");
    expect(await take("Q", "2030")).toBe("Q-2030-0002");
    expect(await take("Q", "2031")).toBe("Q-2031-0001");
    expect(await take("O", "2030")).toBe("O-2030-0001");
  });

  it("gives 50 transactions running at once 50 distinct, consecutive numbers", async () => {
    const numbers = await Promise.all(Array.from({ length: 50 }, () => take("Q", "2032")));
    expect(new Set(numbers).size).toBe(50);
    expect(numbers.map(counter).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
  });

  it("hands a rolled-back number out again, so failed requests leave no gaps", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await nextNumber(tx, "Q", "2033");
        throw new Error("the quote could not be stored");
      }),
    ).rejects.toThrow();
    expect(await take("Q", "2033")).toBe("Q-2033-0001");
  });

  it("grows past four digits instead of wrapping", async () => {
    await db.sequence.create({ data: { name: "Q-2034", value: 9999 } });
    expect(await take("Q", "2034")).toBe("Q-2034-10000");
  });
});

describe("yearIn", () => {
  it("uses the business's time zone at New Year", () => {
    const newYearInJohannesburg = new Date("2026-12-31T22:30:00Z");
    expect(yearIn("Africa/Johannesburg", newYearInJohannesburg)).toBe("2027");
    expect(yearIn("UTC", newYearInJohannesburg)).toBe("2026");
  });
});

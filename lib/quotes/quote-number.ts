// Human quote numbers, Q-2026-0001: one counter per year (in the business's time zone), bumped
// with a single atomic upsert so concurrent requests and several app processes never share one.
import type { TTx } from "@/lib/db";

export function yearIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat("en", { timeZone, year: "numeric" }).format(now);
}

export async function nextNumber(tx: TTx, prefix: "Q" | "O", year: string): Promise<string> {
  const { value } = await tx.sequence.upsert({
    where: { name: `${prefix}-${year}` },
    create: { name: `${prefix}-${year}`, value: 1 },
    update: { value: { increment: 1 } },
  });
  return `${prefix}-${year}-${String(value).padStart(4, "0")}`;
}

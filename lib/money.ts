// Money typed by a person, to integer cents. Client-safe (no config), so forms use it too.

/** "1 250,50", "R1,250.50" or "1250.5" → 125050; null when it is not an amount. */
export function parseMoneyToCents(input: string): number | null {
  const cleaned = input.replace(/[^\d.,]/g, "");
  if (!/\d/.test(cleaned)) return null;
  const lastSeparator = Math.max(cleaned.lastIndexOf("."), cleaned.lastIndexOf(","));
  const decimals = lastSeparator >= 0 ? cleaned.length - lastSeparator - 1 : 0;
  // One or two digits after the last separator are cents; three are a thousands group.
  const hasCents = lastSeparator >= 0 && decimals >= 1 && decimals <= 2;
  const whole = (hasCents ? cleaned.slice(0, lastSeparator) : cleaned).replace(/[.,]/g, "");
  const fraction = hasCents ? cleaned.slice(lastSeparator + 1).padEnd(2, "0") : "00";
  const cents = Number(whole || "0") * 100 + Number(fraction);
  return Number.isSafeInteger(cents) ? cents : null;
}

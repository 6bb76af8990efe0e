/** How many distinct {{1}} / {{name}} placeholders a template text has: the parameters it needs. */
export function countPlaceholders(text: string | undefined): number {
  return new Set([...(text ?? "").matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1])).size;
}

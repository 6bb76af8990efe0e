/**
 * The distinct {{1}} / {{name}} placeholders of a template text, in the order the parameters are
 * given on a send: by number for positional templates, by first appearance for named ones.
 */
export function placeholderNames(text: string | undefined): string[] {
  const names = [...new Set([...(text ?? "").matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]!))];
  return names.every((name) => /^\d+$/.test(name)) ? names.sort((a, b) => Number(a) - Number(b)) : names;
}

/** How many distinct {{1}} / {{name}} placeholders a template text has: the parameters it needs. */
export function countPlaceholders(text: string | undefined): number {
  return placeholderNames(text).length;
}

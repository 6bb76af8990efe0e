// A template's text as the customer will read it: each {{1}} / {{name}} replaced by the value
// typed for it, in order of first appearance (the order the parameter fields are shown in). An
// empty value stays visible as its placeholder, so a forgotten field shows in the preview.
// Client and server safe.
const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

export function fillTemplate(text: string, values: readonly string[]): string {
  const order: string[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) if (!order.includes(match[1]!)) order.push(match[1]!);
  return text.replace(PLACEHOLDER, (placeholder, name: string) => values[order.indexOf(name)]?.trim() || placeholder);
}

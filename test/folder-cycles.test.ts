// The folders of lib/ are layers: imports between them go one way, so a folder can be read, tested
// and changed without the ones above it. This reads every import in lib/ (tests excluded; type-only
// imports count, since they tie the folders together just the same) and fails on any cycle between
// folders, naming the files whose imports close it. A top-level module (lib/roles.ts) is a node of
// its own, so a cycle cannot hide by passing through one.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const lib = path.join(root, "lib");
const SKIP = new Set(["generated"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The node a lib path belongs to: its top folder ("quotes"), or the file itself ("roles.ts"). */
function nodeOf(relative: string): string | null {
  const [first, ...rest] = relative.split("/");
  if (!first || SKIP.has(first)) return null;
  return rest.length ? first : first.replace(/\.(ts|tsx)$/, "") + ".ts";
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["']@\/lib\/([^"']+)["']/g;

/** Edges between nodes, each with the files that make it. */
export function folderEdges(files = sourceFiles(lib)): Map<string, Map<string, string[]>> {
  const edges = new Map<string, Map<string, string[]>>();
  for (const file of files) {
    const relative = path.relative(lib, file);
    const from = nodeOf(relative);
    if (!from) continue;
    for (const match of readFileSync(file, "utf8").matchAll(IMPORT)) {
      const to = nodeOf(match[1]!);
      if (!to || to === from) continue;
      const targets = edges.get(from) ?? new Map<string, string[]>();
      edges.set(from, targets);
      targets.set(to, [...(targets.get(to) ?? []), `lib/${relative}`]);
    }
  }
  return edges;
}

/** Groups of nodes that reach each other (Tarjan's strongly connected components), largest first. */
export function cycles(edges: Map<string, Map<string, string[]>>): string[][] {
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (node: string) => {
    order.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node)?.keys() ?? []) {
      if (!order.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, order.get(next)!));
      }
    }
    if (low.get(node) === order.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const node of edges.keys()) if (!order.has(node)) visit(node);
  return groups.sort((a, b) => b.length - a.length);
}

/** Each cycle's edges inside it, with the importing files: what to move to break it. */
function describe_(group: string[], edges: Map<string, Map<string, string[]>>): string {
  const inside = new Set(group);
  const lines = group.flatMap((from) =>
    [...(edges.get(from) ?? [])].filter(([to]) => inside.has(to)).map(([to, files]) => `  ${from} → ${to}: ${[...new Set(files)].join(", ")}`),
  );
  return `${group.join(" ↔ ")}\n${lines.join("\n")}`;
}

describe("lib/ folder layering", () => {
  it("finds a cycle when there is one (the check can fail)", () => {
    const edges = new Map([
      ["a", new Map([["b", ["lib/a/x.ts"]]])],
      ["b", new Map([["c", ["lib/b/y.ts"]]])],
      ["c", new Map([["a", ["lib/c/z.ts"]]])],
      ["d", new Map([["a", ["lib/d/w.ts"]]])],
    ]);
    expect(cycles(edges)).toEqual([["a", "b", "c"]]);
    expect(cycles(new Map([["a", new Map([["b", ["lib/a/x.ts"]]])]]))).toEqual([]);
  });

  it("reads the import forms the code uses", () => {
    const sample = `import { a } from "@/lib/quotes/x";\nimport type { B } from '@/lib/orders/y';\nexport { c } from "@/lib/customers/z";\nconst d = await import("@/lib/outbox/w");\nimport "@/lib/env";`;
    expect([...sample.matchAll(IMPORT)].map((match) => nodeOf(match[1]!))).toEqual(["quotes", "orders", "customers", "outbox", "env.ts"]);
  });

  it("has no cycle between the folders of lib/", () => {
    const edges = folderEdges();
    expect(edges.size).toBeGreaterThan(5);
    expect(cycles(edges).map((group) => describe_(group, edges))).toEqual([]);
  });
});

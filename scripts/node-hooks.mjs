// How Node runs the project's TypeScript scripts: `node --import ./scripts/node-hooks.mjs file.ts`.
// tsx compiles TypeScript on the fly, and modules marked `import "server-only"` load as they do in
// Next's server (see resolve-server-only.mjs).
import "tsx";
import { register } from "node:module";

register("./resolve-server-only.mjs", import.meta.url);

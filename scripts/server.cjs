// Entry point of the web server: `node scripts/server.cjs`. tsx compiles scripts/server.ts and
// the lib modules it imports, then steps aside before Next loads the app. While registered, tsx
// hooks every require and turns on Node's source maps for every error stack (Next's chunks ship
// .map files): measured, that cost 50-65 MB of memory and a slower p95 against `next start`.
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, so require is how it loads */
const path = require("node:path");
const { register } = require("tsx/cjs/api");

// lib modules marked `import "server-only"` load here as in Next's server: that package's empty
// module, not the one that throws (ESM scripts get the same from scripts/node-hooks.mjs).
const serverOnly = require.resolve("server-only");
const emptyModule = path.join(path.dirname(serverOnly), "empty.js");
require(emptyModule);
require.cache[serverOnly] = require.cache[emptyModule];

const unregister = register();
const { serve } = require("./server.ts");
unregister();
serve();

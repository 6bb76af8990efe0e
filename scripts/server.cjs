// Entry point of the web server: `node scripts/server.cjs`. tsx compiles scripts/server.ts and
// the lib modules it imports, then steps aside before Next loads the app. While registered, tsx
// hooks every require and turns on Node's source maps for every error stack (Next's chunks ship
// .map files): measured, that cost 50-65 MB of memory and a slower p95 against `next start`.
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, so require is how it loads */
const { register } = require("tsx/cjs/api");

const unregister = register();
const { serve } = require("./server.ts");
unregister();
serve();

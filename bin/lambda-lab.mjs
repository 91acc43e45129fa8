#!/usr/bin/env node
// The `lambda-lab` command: runs the bundled engine CLI (built by `npm run build`, which
// `npm install` runs through the `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/engine/cli.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('lambda-lab: the engine is not built yet; run `npm run build` in the Lambda Lab folder\n');
  process.exit(1);
}
await import(cli);

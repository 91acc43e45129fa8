// Builds the engine for plain Node: the in-isolate glue, the runner process and the CLI/host.
// Fast (esbuild); `npm install` runs it through `prepare`, so `npx lambda-lab` works at once.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'engine');
mkdirSync(out, { recursive: true });
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// Every runtime dependency stays a real package (native addons, esbuild's binary service).
const external = Object.keys(pkg.dependencies ?? {}).filter((d) => !['events', 'path-browserify'].includes(d));

const started = Date.now();
const glue = await build({
  entryPoints: [join(root, 'sandbox/runtime/isolate/entry.ts')],
  bundle: true,
  write: false,
  format: 'iife',
  platform: 'neutral',
  target: 'es2023',
  minifySyntax: true,
  legalComments: 'none',
  mainFields: ['browser', 'module', 'main'],
  logLevel: 'warning',
});
writeFileSync(join(out, 'isolate-glue.js'), glue.outputFiles[0].text);

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  sourcemap: 'linked',
  external,
  logLevel: 'warning',
  // Bundled CommonJS dependencies (ws) may call require(); give ESM output a real one.
  banner: { js: "import { createRequire as __labCreateRequire } from 'node:module'; const require = __labCreateRequire(import.meta.url);" },
};
await build({ ...common, entryPoints: { runner: join(root, 'sandbox/runtime/runner-main.ts') }, outdir: out });
await build({ ...common, entryPoints: { cli: join(root, 'sandbox/host/cli-main.ts') }, outdir: out });
process.stdout.write(`engine built in ${Date.now() - started} ms -> ${out}\n`);

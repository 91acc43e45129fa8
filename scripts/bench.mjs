// `npm run bench`: bundles test/bench/bench.ts for plain Node and runs it (isolated-vm needs
// --no-node-snapshot). Native and binary packages stay external.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const external = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})];
const out = join(root, 'dist', 'bench', 'bench.mjs');
await build({
  entryPoints: [join(root, 'test/bench/bench.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  outfile: out,
  external,
  logLevel: 'warning',
});
const r = spawnSync(process.execPath, ['--no-node-snapshot', out], { stdio: 'inherit', cwd: root });
process.exit(r.status ?? 1);

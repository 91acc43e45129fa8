// Builds what is out of date: the engine (esbuild, fast) and the UI (electron-vite), so that
// `npm start` and `npm run serve` always run what the sources say.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function newest(paths) {
  let t = 0;
  const visit = (p) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) {
      for (const e of readdirSync(p)) if (e !== 'node_modules') visit(join(p, e));
    } else if (s.mtimeMs > t) t = s.mtimeMs;
  };
  for (const p of paths) visit(join(root, p));
  return t;
}
const builtAt = (file) => (existsSync(join(root, file)) ? statSync(join(root, file)).mtimeMs : 0);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });

if (newest(['sandbox', 'package.json', 'scripts/build-engine.mjs']) > builtAt('dist/engine/cli.js')) {
  run(process.execPath, [join(root, 'scripts/build-engine.mjs')]);
}
if (newest(['renderer', 'electron', 'sandbox/api', 'electron.vite.config.ts', 'package.json']) > builtAt('out/renderer/index.html')) {
  process.stdout.write('Building the Lambda Lab UI (first start takes a little while)...\n');
  run(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build']);
}

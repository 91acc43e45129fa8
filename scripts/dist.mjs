// `npm run dist`: builds the installers for this machine's OS and CPU with electron-builder.
//   1. builds the engine and the UI (npm run build)
//   2. fetches the Node 24 runtime for the target (scripts/fetch-node-runtime.mjs)
//   3. writes the third-party notices (scripts/collect-notices.mjs)
//   4. runs electron-builder (electron-builder.yml), which downloads Electron: needs the network
//
//   node scripts/dist.mjs [--linux | --mac | --win] [--dir]     (--dir: unpacked app only, no installer)
// Each OS/CPU is packaged on its own machine (see scripts/electron-builder-hooks.mjs); docs/desktop.md.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { linux: { type: 'boolean' }, mac: { type: 'boolean' }, win: { type: 'boolean' }, dir: { type: 'boolean' } } });

const HOST_FLAG = { linux: '--linux', darwin: '--mac', win32: '--win' };
const requested = ['linux', 'mac', 'win'].filter((k) => values[k] === true);
const hostFlag = HOST_FLAG[process.platform];
if (hostFlag === undefined) {
  process.stderr.write(`dist: Lambda Lab is packaged on Linux, macOS or Windows, not ${process.platform}\n`);
  process.exit(1);
}
if (requested.length > 1 || (requested.length === 1 && `--${requested[0]}` !== hostFlag)) {
  process.stderr.write(`dist: this machine packages ${hostFlag.slice(2)} only: the engine's native modules come from its node_modules (see docs/desktop.md)\n`);
  process.exit(1);
}

const run = (args) => execFileSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
run([join(root, 'scripts/build-engine.mjs')]);
run([join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build']);
run([join(root, 'scripts/fetch-node-runtime.mjs'), '--platform', process.platform, '--arch', process.arch]);
run([join(root, 'scripts/collect-notices.mjs')]);
run([
  join(root, 'node_modules/electron-builder/cli.js'),
  hostFlag,
  ...(values.dir === true ? ['--dir'] : []),
  '--publish', 'never',
]);

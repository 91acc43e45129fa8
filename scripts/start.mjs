// `npm start`: the desktop app where an Electron binary is available, otherwise browser mode.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

await import('./build-if-stale.mjs');

const binary = electronBinary({ download: true });
const args = process.argv.slice(2);
let child;
if (binary !== undefined) {
  // The engine runs on this Node (the toolchain's Node 24), not on Electron's.
  child = spawn(binary, [root, ...args], { stdio: 'inherit', env: { ...process.env, LAMBDA_LAB_NODE: process.execPath } });
} else {
  process.stdout.write('Electron is not available on this machine (its binary could not be downloaded), so Lambda Lab starts in browser mode instead.\n');
  child = spawn(process.execPath, [join(root, 'bin/lambda-lab.mjs'), 'serve', ...args], { stdio: 'inherit' });
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));

// `npm run dist:smoke` (Linux): checks the packaging configuration without downloading Electron.
// electron-builder packs the app (`--dir`) around a stand-in Electron (a tiny file carrying
// Electron's fuse wire, so the fuses are flipped for real); then this script checks the layout
// the shell expects and starts the engine from the packaged folder with the shipped Node, the
// way electron/main.ts does, and asks it for its info and its UI.
// What it cannot check: the real Electron binary starting the window (docs/desktop.md).
//
//   node scripts/package-smoke.mjs [--keep]
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const keep = process.argv.includes('--keep');

if (process.platform !== 'linux') {
  process.stderr.write('package-smoke: the stand-in Electron is a Linux layout; run this on Linux\n');
  process.exit(1);
}

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'; // @electron/fuses
const work = mkdtempSync(join(tmpdir(), 'lambda-lab-package-'));
const fakeElectron = join(work, 'electron-dist');
const output = join(work, 'release');
const dataDir = join(work, 'data');
const step = (m) => process.stdout.write(`package-smoke: ${m}\n`);
const run = (args) => execFileSync(process.execPath, args, { cwd: root, stdio: 'inherit' });

function makeStandInElectron() {
  mkdirSync(join(fakeElectron, 'locales'), { recursive: true });
  mkdirSync(join(fakeElectron, 'resources'), { recursive: true });
  // Electron 45's defaults: RunAsNode on, CookieEncryption off, NodeOptions on, inspect on, ...
  const wire = Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from('10110001')]);
  writeFileSync(join(fakeElectron, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\necho "stand-in Electron (package-smoke)"; exit 1\n#'), wire, Buffer.from('\n')]));
  chmodSync(join(fakeElectron, 'electron'), 0o755);
  for (const f of ['LICENSE', 'LICENSES.chromium.html']) writeFileSync(join(fakeElectron, f), 'stand-in\n');
  writeFileSync(join(fakeElectron, 'version'), JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version);
  for (const l of ['en-US', 'de']) writeFileSync(join(fakeElectron, 'locales', `${l}.pak`), 'stand-in\n');
}

function check(condition, message) {
  if (!condition) throw new Error(message);
  step(`ok   ${message}`);
}

function startEngine(nodePath, cliPath) {
  return new Promise((resolve, reject) => {
    const child = spawn(nodePath, [cliPath, 'serve', '--port', '0', '--no-open', '--data-dir', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => {
      out += c;
      const m = /Lambda Lab running at (http:\/\/127\.0\.0\.1:\d+)\/\?token=([0-9a-f]+)/.exec(out);
      if (m !== null) resolve({ child, origin: m[1], token: m[2] });
    });
    child.stderr.on('data', (c) => {
      err += c;
    });
    child.once('exit', (code) => reject(new Error(`the packaged engine exited (code ${code}) before it was ready:\n${err}`)));
  });
}

try {
  step('building the engine, the UI, the Node runtime and the notices');
  run([join(root, 'scripts/build-engine.mjs')]);
  run([join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build']);
  run([join(root, 'scripts/fetch-node-runtime.mjs')]);
  run([join(root, 'scripts/collect-notices.mjs')]);

  step('packing with electron-builder around a stand-in Electron');
  makeStandInElectron();
  run([
    join(root, 'node_modules/electron-builder/cli.js'), '--linux', '--dir', '--publish', 'never',
    `-c.electronDist=${fakeElectron}`, `-c.directories.output=${output}`,
  ]);

  const app = join(output, `linux-${process.arch === 'x64' ? '' : `${process.arch}-`}unpacked`);
  const resources = join(app, 'resources');
  const unpacked = join(resources, 'app.asar.unpacked');
  check(existsSync(join(app, 'lambda-lab')), 'the executable is named lambda-lab');
  const exe = readFileSync(join(app, 'lambda-lab'));
  const at = exe.indexOf(SENTINEL) + SENTINEL.length + 2;
  check(exe.subarray(at, at + 6).toString() === '010011', 'fuses: RunAsNode off, cookie encryption on, NODE_OPTIONS off, --inspect off, asar integrity on, asar only on');
  const { listPackage } = require('@electron/asar');
  const inAsar = new Set(listPackage(join(resources, 'app.asar')).map((p) => p.replaceAll('\\', '/')));
  check(inAsar.has('/out/main/main.js') && inAsar.has('/out/preload/preload.cjs'), 'app.asar holds the shell (out/main, out/preload)');
  for (const f of ['package.json', 'dist/engine/cli.js', 'dist/engine/runner.js', 'dist/engine/isolate-glue.js', 'out/renderer/index.html',
    'node_modules/better-sqlite3/package.json', 'node_modules/isolated-vm/package.json', 'node_modules/esbuild/package.json']) {
    check(existsSync(join(unpacked, f)), `app.asar.unpacked/${f}`);
  }
  check(existsSync(join(unpacked, 'resources', 'sam-events', 'NOTICE')) || !existsSync(join(root, 'resources', 'sam-events')), 'the SAM templates and their NOTICE (when the repository has them)');
  check(existsSync(join(resources, 'node', 'bin', 'node')), 'resources/node/bin/node (the engine\'s Node)');
  check(existsSync(join(resources, 'notices', 'THIRD_PARTY_NOTICES.txt')), 'resources/notices/THIRD_PARTY_NOTICES.txt');
  check(!existsSync(join(unpacked, 'node_modules', 'electron')) && !existsSync(join(unpacked, 'node_modules', 'vitest')), 'no development packages');

  step('starting the engine from the package with the shipped Node');
  mkdirSync(dataDir, { recursive: true });
  const engine = await startEngine(join(resources, 'node', 'bin', 'node'), join(unpacked, 'dist', 'engine', 'cli.js'));
  try {
    const info = await fetch(`${engine.origin}/api/lab:get-info`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-lab-token': engine.token }, body: '{}' });
    const body = await info.json();
    check(info.status === 200 && body.ok === true && body.result.dataDir === dataDir, `the packaged engine answers lab:get-info (version ${body.result?.version})`);
    const functions = await fetch(`${engine.origin}/api/functions:list`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-lab-token': engine.token }, body: '{}' });
    check(functions.status === 200 && (await functions.json()).ok === true, 'the packaged engine reads its database (better-sqlite3 loads)');
    const invoke = await fetch(`${engine.origin}/api/invoke:run`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-lab-token': engine.token }, body: JSON.stringify({ functionName: 'hello', event: '{}' }) });
    const invoked = await invoke.json();
    check(invoke.status === 200 && invoked.ok === true && invoked.result.status === 'success', `the packaged engine runs a function (isolated-vm loads)${invoked.ok === true ? '' : `: ${JSON.stringify(invoked.error)}`}`);
    if (existsSync(join(root, 'resources', 'sam-events'))) {
      const templates = await fetch(`${engine.origin}/api/event-templates:list`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-lab-token': engine.token }, body: '{}' });
      const listed = await templates.json();
      check(templates.status === 200 && listed.ok === true && listed.result.length > 0, `the packaged engine reads the SAM templates (${listed.result?.length} event types)`);
    }
    const page = await fetch(`${engine.origin}/`);
    check(page.status === 200 && (await page.text()).includes('<div id="root">'), 'the packaged engine serves the UI');
  } finally {
    await new Promise((resolve) => {
      engine.child.once('exit', resolve);
      engine.child.kill('SIGTERM');
    });
  }
  step(`passed${keep ? ` (kept in ${work})` : ''}`);
} catch (e) {
  process.stderr.write(`package-smoke: FAILED: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
} finally {
  if (!keep) rmSync(work, { recursive: true, force: true });
}

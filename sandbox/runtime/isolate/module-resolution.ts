// How Node (as Lambda runs it) finds modules among the function's own files under /var/task.
// Pure functions over a file table, shared by the CommonJS loader inside the isolate and the
// ES module linker in the runner, so both agree on every path.

export const TASK_ROOT = '/var/task';

export type ModuleFormat = 'cjs' | 'esm' | 'json';

export interface FileLookup {
  /** True when `path` (absolute, normalised) is a file of the function. */
  isFile(path: string): boolean;
  /** True when some file lives under `path` + '/'. */
  isDirectory(path: string): boolean;
  /** File text, for package.json lookups. */
  read(path: string): string | undefined;
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  if (i <= 0) return '/';
  return path.slice(0, i);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Joins and normalises POSIX path segments ('.' and '..' resolved). */
export function resolvePath(...parts: string[]): string {
  let absolute = '';
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = parts[i] as string;
    if (p === '') continue;
    absolute = absolute === '' ? p : `${p}/${absolute}`;
    if (p.startsWith('/')) break;
  }
  if (!absolute.startsWith('/')) absolute = `/${absolute}`;
  const out: string[] = [];
  for (const seg of absolute.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return `/${out.join('/')}`;
}

function readPackageJson(files: FileLookup, dir: string): Record<string, unknown> | undefined {
  const text = files.read(`${dir === '/' ? '' : dir}/package.json`);
  if (text === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The `type` of the nearest package.json (stopping at node_modules), as Node and RIC3 do. */
export function nearestPackageType(files: FileLookup, dir: string): 'module' | 'commonjs' {
  let d = dir;
  for (let guard = 0; guard < 64; guard++) {
    if (d.endsWith('/node_modules')) return 'commonjs';
    const pkg = readPackageJson(files, d);
    if (pkg !== undefined) return pkg['type'] === 'module' ? 'module' : 'commonjs';
    if (d === '/') return 'commonjs';
    d = dirname(d);
  }
  return 'commonjs';
}

export function isTypeScript(path: string): boolean {
  return /\.(ts|mts|cts)$/.test(path);
}

/** How Node would load this file: by extension, then by the nearest package.json `type`. */
export function formatOf(files: FileLookup, path: string): ModuleFormat {
  if (path.endsWith('.json')) return 'json';
  if (path.endsWith('.mjs') || path.endsWith('.mts')) return 'esm';
  if (path.endsWith('.cjs') || path.endsWith('.cts')) return 'cjs';
  return nearestPackageType(files, dirname(path)) === 'module' ? 'esm' : 'cjs';
}

export const NODE_BUILTINS = new Set([
  'assert', 'assert/strict', 'async_hooks', 'buffer', 'child_process', 'cluster', 'console', 'constants',
  'crypto', 'dgram', 'diagnostics_channel', 'dns', 'dns/promises', 'domain', 'events', 'fs', 'fs/promises',
  'http', 'http2', 'https', 'inspector', 'inspector/promises', 'module', 'net', 'os', 'path', 'path/posix',
  'path/win32', 'perf_hooks', 'process', 'punycode', 'querystring', 'readline', 'readline/promises', 'repl',
  'stream', 'stream/consumers', 'stream/promises', 'stream/web', 'string_decoder', 'sys', 'timers',
  'timers/promises', 'tls', 'trace_events', 'tty', 'url', 'util', 'util/types', 'v8', 'vm', 'wasi',
  'worker_threads', 'zlib', 'test', 'sqlite', 'sea',
]);

/** `node:fs` → `fs`; returns undefined for anything that is not a Node built-in. */
export function builtinName(specifier: string): string | undefined {
  const name = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
  return NODE_BUILTINS.has(name) ? name : undefined;
}

function packageName(specifier: string): { name: string; subpath: string } {
  const parts = specifier.split('/');
  const count = specifier.startsWith('@') ? 2 : 1;
  const name = parts.slice(0, count).join('/');
  const rest = parts.slice(count).join('/');
  return { name, subpath: rest === '' ? '.' : `./${rest}` };
}

/** Resolves a package.json `exports` target for the given conditions (string/object/array forms). */
function resolveExportsTarget(target: unknown, conditions: readonly string[]): string | undefined {
  if (typeof target === 'string') return target;
  if (Array.isArray(target)) {
    for (const t of target) {
      const r = resolveExportsTarget(t, conditions);
      if (r !== undefined) return r;
    }
    return undefined;
  }
  if (typeof target === 'object' && target !== null) {
    for (const [key, value] of Object.entries(target)) {
      if (key === 'default' || conditions.includes(key)) {
        const r = resolveExportsTarget(value, conditions);
        if (r !== undefined) return r;
      }
    }
  }
  return undefined;
}

function resolvePackageExports(exportsField: unknown, subpath: string, conditions: readonly string[]): string | undefined {
  if (typeof exportsField === 'string' || Array.isArray(exportsField)) {
    return subpath === '.' ? resolveExportsTarget(exportsField, conditions) : undefined;
  }
  if (typeof exportsField !== 'object' || exportsField === null) return undefined;
  const map = exportsField as Record<string, unknown>;
  const keys = Object.keys(map);
  const isSubpathMap = keys.some((k) => k.startsWith('.'));
  if (!isSubpathMap) return subpath === '.' ? resolveExportsTarget(map, conditions) : undefined;
  if (Object.hasOwn(map, subpath)) return resolveExportsTarget(map[subpath], conditions);
  // "./feature/*": "./src/feature/*.js"
  for (const key of keys) {
    const star = key.indexOf('*');
    if (star < 0) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (subpath.startsWith(prefix) && subpath.endsWith(suffix) && subpath.length >= key.length - 1) {
      const match = subpath.slice(prefix.length, subpath.length - suffix.length);
      const t = resolveExportsTarget(map[key], conditions);
      return t?.split('*').join(match);
    }
  }
  return undefined;
}

function tryFile(files: FileLookup, path: string, extensions: readonly string[]): string | undefined {
  if (files.isFile(path)) return path;
  for (const ext of extensions) if (files.isFile(path + ext)) return path + ext;
  return undefined;
}

const CJS_EXTENSIONS = ['.js', '.json', '.cjs', '.mjs', '.ts', '.cts', '.mts'] as const;

function tryDirectory(files: FileLookup, dir: string): string | undefined {
  const pkg = readPackageJson(files, dir);
  const main = pkg?.['main'];
  if (typeof main === 'string' && main !== '') {
    const m = resolvePath(dir, main);
    const found = tryFile(files, m, CJS_EXTENSIONS) ?? tryFile(files, `${m}/index`, CJS_EXTENSIONS);
    if (found !== undefined) return found;
  }
  return tryFile(files, `${dir}/index`, CJS_EXTENSIONS);
}

/** CommonJS `require.resolve` among the function's files (no built-ins). */
export function resolveCjs(files: FileLookup, request: string, fromDir: string): string | undefined {
  if (request.startsWith('./') || request.startsWith('../') || request.startsWith('/') || request === '.' || request === '..') {
    const abs = resolvePath(fromDir, request);
    return tryFile(files, abs, CJS_EXTENSIONS) ?? (files.isDirectory(abs) ? tryDirectory(files, abs) : undefined);
  }
  return resolvePackage(files, request, fromDir, ['require', 'node'], true);
}

/** ES module resolution: relative specifiers need their extension; packages use `exports`/`main`. */
export function resolveEsm(files: FileLookup, specifier: string, referrer: string): string | undefined {
  if (specifier.startsWith('file://')) specifier = decodeURIComponent(specifier.slice(7));
  if (specifier.startsWith('./') || specifier.startsWith('../') || specifier.startsWith('/')) {
    const abs = resolvePath(dirname(referrer), specifier);
    return files.isFile(abs) ? abs : undefined;
  }
  return resolvePackage(files, specifier, dirname(referrer), ['import', 'node'], false);
}

function resolvePackage(files: FileLookup, specifier: string, fromDir: string, conditions: readonly string[], cjs: boolean): string | undefined {
  const { name, subpath } = packageName(specifier);
  let dir = fromDir;
  for (let guard = 0; guard < 64; guard++) {
    const base = dir.endsWith('/node_modules') ? dir : `${dir === '/' ? '' : dir}/node_modules`;
    const pkgDir = `${base}/${name}`;
    if (files.isDirectory(pkgDir)) {
      const pkg = readPackageJson(files, pkgDir);
      if (pkg !== undefined && pkg['exports'] !== undefined) {
        const target = resolvePackageExports(pkg['exports'], subpath, conditions);
        if (target === undefined) return undefined;
        const abs = resolvePath(pkgDir, target);
        return files.isFile(abs) ? abs : undefined;
      }
      if (subpath === '.') {
        if (!cjs) {
          const main = pkg?.['main'];
          if (typeof main === 'string') {
            const m = resolvePath(pkgDir, main);
            return tryFile(files, m, CJS_EXTENSIONS) ?? tryFile(files, `${m}/index`, CJS_EXTENSIONS);
          }
          return tryFile(files, `${pkgDir}/index`, ['.js']);
        }
        return tryDirectory(files, pkgDir);
      }
      const abs = resolvePath(pkgDir, subpath);
      return cjs ? (tryFile(files, abs, CJS_EXTENSIONS) ?? (files.isDirectory(abs) ? tryDirectory(files, abs) : undefined)) : files.isFile(abs) ? abs : undefined;
    }
    if (dir === '/') return undefined;
    dir = dirname(dir);
  }
  return undefined;
}

export interface HandlerModule {
  path: string;
  format: ModuleFormat;
}

/**
 * The handler module for `moduleRoot/moduleName`, in RIC's lookup order: extensionless file,
 * `.js` (CommonJS unless the nearest package.json says "module"), `.mjs`, `.cjs`, then
 * TypeScript (`.ts`, `.mts`, `.cts`, which the lab transpiles with esbuild), then a
 * `require.resolve` of the module name.
 */
export function findHandlerModule(files: FileLookup, moduleRoot: string, moduleName: string): HandlerModule | undefined {
  const base = resolvePath(TASK_ROOT, moduleRoot, moduleName);
  for (const ext of ['', '.js', '.mjs', '.cjs', '.ts', '.mts', '.cts']) {
    const p = base + ext;
    if (files.isFile(p)) return { path: p, format: ext === '' ? 'cjs' : formatOf(files, p) };
  }
  const viaRequire = resolveCjs(files, moduleName, resolvePath(TASK_ROOT, moduleRoot));
  return viaRequire === undefined ? undefined : { path: viaRequire, format: formatOf(files, viaRequire) };
}

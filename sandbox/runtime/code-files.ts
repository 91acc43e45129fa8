// Prepares a function's files for an isolate: absolute /var/task paths, TypeScript transpiled
// by esbuild (with source maps so stack traces point at the .ts lines), `import.meta` filled in.
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { transformSync } from 'esbuild';
import type { TaskFile } from './isolate/files.ts';
import { type FileLookup, TASK_ROOT, dirname, formatOf, isTypeScript } from './isolate/module-resolution.ts';

export interface SourceFile {
  /** Relative to the function's root, e.g. `src/app.ts`. */
  path: string;
  content: string;
}

export interface PreparedCode {
  files: TaskFile[];
  lookup: FileLookup;
  /** Source maps of transpiled files, by absolute path. */
  maps: Map<string, TraceMap>;
  /** esbuild's TypeScript errors (the glue reports them as syntax errors when the file loads). */
  transpileErrors: Map<string, string>;
}

export function fileLookup(files: readonly TaskFile[]): FileLookup & { get(path: string): TaskFile | undefined } {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const dirs = new Set<string>([TASK_ROOT]);
  for (const f of files) {
    for (let d = dirname(f.path); d.length > 1 && !dirs.has(d); d = dirname(d)) dirs.add(d);
  }
  return {
    isFile: (p) => byPath.has(p),
    isDirectory: (p) => dirs.has(p),
    read: (p) => byPath.get(p)?.source,
    get: (p) => byPath.get(p),
  };
}

export function prepareCode(sources: readonly SourceFile[]): PreparedCode {
  const files: TaskFile[] = sources.map((s) => ({ path: `${TASK_ROOT}/${s.path}`, source: s.content }));
  const lookup = fileLookup(files);
  const maps = new Map<string, TraceMap>();
  const transpileErrors = new Map<string, string>();
  for (const f of files) {
    if (isTypeScript(f.path)) {
      const format = formatOf(lookup, f.path) === 'esm' ? 'esm' : 'cjs';
      try {
        const out = transformSync(f.source, {
          loader: 'ts',
          format,
          target: 'es2023',
          sourcemap: 'external',
          sourcefile: f.path,
          logLevel: 'silent',
        });
        f.code = withImportMeta(out.code, f.path);
        maps.set(f.path, new TraceMap(out.map));
      } catch (e) {
        const first = (e as { errors?: { text: string }[] }).errors?.[0]?.text;
        transpileErrors.set(f.path, first ?? String(e));
        // Leave the source as the code: loading it reports the syntax error the usual way.
        f.code = f.source;
      }
    } else if (/\.(mjs|js)$/.test(f.path) && f.source.includes('import.meta')) {
      const code = withImportMeta(f.source, f.path);
      if (code !== f.source) f.code = code;
    }
  }
  return { files, lookup, maps, transpileErrors };
}

/**
 * isolated-vm offers no `import.meta` hook for modules compiled from the host, so the runner
 * substitutes `import.meta` with the values Node would give (url, filename, dirname) on the same
 * line. A literal "import.meta" inside a string would be substituted too (rare, cosmetic).
 */
function withImportMeta(code: string, path: string): string {
  if (!code.includes('import.meta')) return code;
  const meta = `({url:${JSON.stringify(`file://${path}`)},filename:${JSON.stringify(path)},dirname:${JSON.stringify(dirname(path))},resolve:(s)=>new URL(s,${JSON.stringify(`file://${path}`)}).href})`;
  return code.replace(/\bimport\.meta\b/g, meta);
}

/** Rewrites `/var/task/x.ts:L:C` positions in text to the TypeScript source positions. */
export function mapTypeScriptPositions(text: string, maps: ReadonlyMap<string, TraceMap>): string {
  if (maps.size === 0) return text;
  return text.replace(/((?:file:\/\/)?(\/var\/task\/[^\s:()]+\.(?:ts|mts|cts))):(\d+):(\d+)/g, (whole, prefix: string, path: string, line: string, col: string) => {
    const map = maps.get(path);
    if (map === undefined) return whole;
    const pos = originalPositionFor(map, { line: Number(line), column: Number(col) - 1 });
    if (pos.line === null || pos.column === null) return whole;
    return `${prefix}:${pos.line}:${pos.column + 1}`;
  });
}

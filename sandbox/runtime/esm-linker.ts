// Links a function's ES modules inside an isolate. isolated-vm compiles each module and asks
// the runner to resolve its imports; the runner answers with the function's own files, with
// generated wrapper modules for built-ins, CommonJS files and JSON, or with Node's errors.
import ivm from 'isolated-vm';
import type { TaskFile } from './isolate/files.ts';
import { ESM_BRIDGE_SYMBOL } from './isolate/glue-api.ts';
import { type FileLookup, builtinName, formatOf, resolveEsm } from './isolate/module-resolution.ts';

/** Why linking failed, in the terms the runtime reports (see glue `loadFailed`). */
export class EsmLoadError extends Error {
  constructor(
    readonly kind: 'syntax' | 'error',
    message: string,
    readonly errorName: string,
    readonly errorStack: string,
    /** Already logged and shaped by the glue (a CommonJS file failed while being imported). */
    readonly initOutcome?: string,
  ) {
    super(message);
  }
}

export interface LinkerHooks {
  /** Export names of a built-in module, or undefined when the lab does not provide it. */
  builtinExports(name: string): Promise<string[] | undefined>;
  /** Evaluates a CommonJS file for an importing ES module: its export names, or a failed init. */
  cjsExports(path: string): Promise<{ ok: true; names: string[] } | { ok: false; raw: string }>;
}

const ENTRY_PATH = '/var/runtime/lambda-lab-entry.mjs';
const ENTRY_FILENAME = `file://${ENTRY_PATH}`;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const RESERVED = new Set(['default', 'await', 'yield', 'let', 'static', 'enum', 'implements', 'package', 'protected', 'interface', 'private', 'public', 'arguments', 'eval', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'delete', 'do', 'else', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null', 'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with']);

function wrapperSource(bridgeCall: string, names: readonly string[]): string {
  const exported = names.filter((n) => IDENTIFIER.test(n) && !RESERVED.has(n));
  const bridge = `globalThis[Symbol.for(${JSON.stringify(ESM_BRIDGE_SYMBOL)})]`;
  let src = `const m = ${bridge}.${bridgeCall};\nexport default m;\n`;
  if (exported.length > 0) src += `export const { ${exported.join(', ')} } = m;\n`;
  return src;
}

function notFoundError(specifier: string, referrer: string): EsmLoadError {
  const relative = specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('file:');
  const message = relative
    ? `Cannot find module '${specifier.startsWith('file:') ? specifier.slice(7) : resolveDisplay(specifier, referrer)}' imported from ${referrer}`
    : `Cannot find package '${specifier.replace(/^node:/, '')}' imported from ${referrer}`;
  const stack = [
    `Error [ERR_MODULE_NOT_FOUND]: ${message}`,
    relative ? '    at finalizeResolution (node:internal/modules/esm/resolve:275:11)' : '    at packageResolve (node:internal/modules/esm/resolve:873:9)',
    '    at moduleResolve (node:internal/modules/esm/resolve:946:18)',
    '    at defaultResolve (node:internal/modules/esm/resolve:1188:11)',
    '    at ModuleLoader.defaultResolve (node:internal/modules/esm/loader:708:12)',
  ].join('\n');
  return new EsmLoadError('error', message, 'Error', stack);
}

function resolveDisplay(specifier: string, referrer: string): string {
  const base = referrer.slice(0, referrer.lastIndexOf('/'));
  const parts = `${base}/${specifier}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return `/${out.join('/')}`;
}

/** Strips isolated-vm's " [file:line:col]" suffix from a compile error message. */
export function splitCompileLocation(message: string): { message: string; location?: string } {
  const m = /^(.*) \[(.+:\d+:\d+)\]$/s.exec(message);
  return m === null ? { message } : { message: m[1] as string, location: m[2] as string };
}

export class EsmLinker {
  private readonly pathOf = new WeakMap<ivm.Module, string>();
  private readonly modules = new Map<string, ivm.Module>();
  private readonly pending = new Map<string, Promise<ivm.Module>>();

  constructor(
    private readonly isolate: ivm.Isolate,
    private readonly files: FileLookup & { get(path: string): TaskFile | undefined },
    private readonly hooks: LinkerHooks,
  ) {}

  /**
   * Compiles and instantiates a small entry module that imports the handler module and hands
   * its namespace to the glue (`ready`). Its body runs only once the handler module — and its
   * top-level await — has finished, which is how the runner learns that INIT is done
   * (isolated-vm's `evaluate` does not wait for top-level await).
   */
  async linkEntry(handlerPath: string, context: ivm.Context): Promise<ivm.Module> {
    const bridge = `globalThis[Symbol.for(${JSON.stringify(ESM_BRIDGE_SYMBOL)})]`;
    const source = `import * as handlerModule from ${JSON.stringify(`file://${handlerPath}`)};\n${bridge}.ready(handlerModule);\n`;
    const entry = await this.isolate.compileModule(source, { filename: ENTRY_FILENAME });
    this.pathOf.set(entry, ENTRY_PATH);
    await entry.instantiate(context, (specifier, referrer) => this.resolve(specifier, referrer));
    return entry;
  }

  private async resolve(specifier: string, referrer: ivm.Module): Promise<ivm.Module> {
    const from = this.pathOf.get(referrer) ?? '/var/task/index.mjs';
    const builtin = builtinName(specifier);
    if (builtin !== undefined) {
      const key = `builtin:${builtin}`;
      const names = await this.hooks.builtinExports(builtin);
      if (names === undefined) throw notFoundError(specifier, from);
      return this.cached(key, () => this.compile(wrapperSource(`builtin(${JSON.stringify(builtin)})`, names), `node:${builtin}`, key));
    }
    const path = resolveEsm(this.files, specifier, from);
    if (path === undefined) throw notFoundError(specifier, from);
    return this.moduleFor(path);
  }

  private async moduleFor(path: string): Promise<ivm.Module> {
    const format = formatOf(this.files, path);
    if (format === 'esm') {
      return this.cached(path, async () => {
        const file = this.files.get(path);
        if (file === undefined) throw notFoundError(path, path);
        return this.compile(file.code ?? file.source, `file://${path}`, path);
      });
    }
    if (format === 'json') {
      return this.cached(`json:${path}`, async () => {
        const text = this.files.read(path) ?? 'null';
        try {
          JSON.parse(text);
        } catch (e) {
          const message = `${path}: ${(e as Error).message}`;
          throw new EsmLoadError('error', message, 'SyntaxError', `SyntaxError: ${message}`);
        }
        return this.compile(`export default JSON.parse(${JSON.stringify(text)});\n`, `file://${path}`, `json:${path}`);
      });
    }
    return this.cached(`cjs:${path}`, async () => {
      const result = await this.hooks.cjsExports(path);
      if (!result.ok) throw new EsmLoadError('error', 'CommonJS module failed to load', 'Error', '', result.raw);
      return this.compile(wrapperSource(`cjs(${JSON.stringify(path)})`, result.names), `file://${path}?cjs`, `cjs:${path}`);
    });
  }

  private cached(key: string, make: () => Promise<ivm.Module>): Promise<ivm.Module> {
    const done = this.modules.get(key);
    if (done !== undefined) return Promise.resolve(done);
    let p = this.pending.get(key);
    if (p === undefined) {
      p = make().then((m) => {
        this.modules.set(key, m);
        return m;
      });
      this.pending.set(key, p);
    }
    return p;
  }

  private async compile(code: string, filename: string, key: string): Promise<ivm.Module> {
    try {
      const m = await this.isolate.compileModule(code, { filename });
      this.pathOf.set(m, key.startsWith('/') ? key : filename.replace(/^file:\/\//, '').replace(/\?cjs$/, ''));
      return m;
    } catch (e) {
      if (e instanceof EsmLoadError) throw e;
      const err = e as Error;
      if (err.name === 'SyntaxError') {
        const { message } = splitCompileLocation(err.message);
        throw new EsmLoadError('syntax', message, 'SyntaxError', `SyntaxError: ${message}`);
      }
      throw e;
    }
  }
}

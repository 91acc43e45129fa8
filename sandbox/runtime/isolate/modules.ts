// CommonJS inside the isolate: Node's require() over the function's files and the lab's
// built-in modules, with Node's error codes and messages (MODULE_NOT_FOUND, ERR_REQUIRE_ESM).
import { ErrorCtor, GlobalEval, JSONParse, MapCtor, ObjectDefineProperty, StringCtor } from './intrinsics.ts';
import type { TaskFiles } from './files.ts';
import { builtinName, dirname, formatOf, resolveCjs } from './module-resolution.ts';

export type BuiltinFactory = () => unknown;

/** Where the Lambda runtime's own loader sits in a require stack. */
const RUNTIME_ENTRY = '/var/runtime/index.mjs';

export class CjsModule {
  exports: unknown = {};
  loaded = false;
  children: CjsModule[] = [];
  readonly paths: string[];
  require!: NodeRequireLike;
  constructor(
    readonly id: string,
    readonly filename: string,
    readonly parent: CjsModule | undefined,
  ) {
    this.paths = nodeModulePaths(dirname(filename));
  }
  get path(): string {
    return dirname(this.filename);
  }
}

export interface NodeRequireLike {
  (request: string): unknown;
  resolve: (request: string) => string;
  cache: Record<string, CjsModule>;
  main: CjsModule | undefined;
}

function nodeModulePaths(dir: string): string[] {
  const out: string[] = [];
  let d = dir;
  for (let i = 0; i < 64; i++) {
    if (!d.endsWith('/node_modules')) out.push(`${d === '/' ? '' : d}/node_modules`);
    if (d === '/') break;
    d = dirname(d);
  }
  return out;
}

export interface CodeError extends Error {
  code?: string;
  requireStack?: string[];
}

export function moduleNotFound(request: string, parent: CjsModule | undefined): CodeError {
  const stack: string[] = [];
  for (let m = parent; m !== undefined; m = m.parent) stack.push(m.filename);
  stack.push(RUNTIME_ENTRY);
  const err: CodeError = new ErrorCtor(`Cannot find module '${request}'\nRequire stack:\n- ${stack.join('\n- ')}`);
  err.code = 'MODULE_NOT_FOUND';
  err.requireStack = stack;
  return err;
}

export class CjsLoader {
  readonly cache: Record<string, CjsModule> = Object.create(null) as Record<string, CjsModule>;
  main: CjsModule | undefined;
  constructor(
    private readonly files: TaskFiles,
    private readonly builtins: Map<string, BuiltinFactory>,
    /** What require() of an ES module does (Lambda's nodejs20/22 refuse it). */
    private readonly requireEsm: (path: string, parent: CjsModule | undefined) => unknown,
  ) {}
  private readonly builtinCache = new MapCtor<string, unknown>();

  builtin(name: string): unknown {
    if (this.builtinCache.has(name)) return this.builtinCache.get(name);
    const factory = this.builtins.get(name);
    if (factory === undefined) return undefined;
    const value = factory();
    this.builtinCache.set(name, value);
    return value;
  }

  hasBuiltin(name: string): boolean {
    return this.builtins.has(name);
  }

  resolve(request: string, parent: CjsModule | undefined): string {
    const req = StringCtor(request);
    const b = builtinName(req);
    if (b !== undefined) {
      if (this.builtins.has(b)) return req;
      throw moduleNotFound(req, parent);
    }
    const from = parent === undefined ? '/var/task' : dirname(parent.filename);
    const found = resolveCjs(this.files, req, from);
    if (found === undefined) throw moduleNotFound(req, parent);
    return found;
  }

  require(request: unknown, parent: CjsModule | undefined): unknown {
    if (typeof request !== 'string') {
      const err: CodeError = new TypeError(`The "id" argument must be of type string. Received ${request === null ? 'null' : typeof request}`);
      err.code = 'ERR_INVALID_ARG_TYPE';
      throw err;
    }
    if (request === '') {
      const err: CodeError = new TypeError(`The argument 'id' must be a non-empty string. Received ''`);
      err.code = 'ERR_INVALID_ARG_VALUE';
      throw err;
    }
    const b = builtinName(request);
    if (b !== undefined) {
      if (!this.builtins.has(b)) throw moduleNotFound(request, parent);
      return this.builtin(b);
    }
    const path = this.resolve(request, parent);
    return this.load(path, parent);
  }

  load(path: string, parent: CjsModule | undefined): unknown {
    const cached = this.cache[path];
    if (cached !== undefined) {
      if (parent !== undefined && !parent.children.includes(cached)) parent.children.push(cached);
      return cached.exports;
    }
    const file = this.files.get(path);
    if (file === undefined) throw moduleNotFound(path, parent);
    const format = formatOf(this.files, path);
    if (format === 'esm') return this.requireEsm(path, parent);
    const module = new CjsModule(path, path, parent);
    module.require = this.makeRequire(module);
    if (parent !== undefined) parent.children.push(module);
    else this.main ??= module;
    this.cache[path] = module;
    try {
      if (format === 'json') {
        try {
          module.exports = JSONParse(file.source);
        } catch (e) {
          (e as Error).message = `${path}: ${(e as Error).message}`;
          throw e;
        }
      } else {
        const code = file.code ?? file.source;
        const body = code.startsWith('#!') ? `//${code.slice(2)}` : code;
        const wrapper = GlobalEval(
          `(function (exports, require, module, __filename, __dirname) { ${body}\n})\n//# sourceURL=${path}`,
        ) as (this: unknown, ...a: unknown[]) => unknown;
        wrapper.call(module.exports, module.exports, module.require, module, path, dirname(path));
      }
      module.loaded = true;
    } catch (e) {
      delete this.cache[path];
      throw e;
    }
    return module.exports;
  }

  makeRequire(module: CjsModule | undefined): NodeRequireLike {
    const require = ((request: string) => this.require(request, module)) as NodeRequireLike;
    require.resolve = (request: string) => this.resolve(request, module);
    require.cache = this.cache;
    ObjectDefineProperty(require, 'main', { get: () => this.main, enumerable: true, configurable: true });
    return require;
  }
}

/** Node 20/22 (as Lambda configures them) refuse require() of an ES module. */
export function requireEsmError(path: string, parent: CjsModule | undefined): CodeError {
  const from = parent?.filename ?? '/var/task/index.js';
  const err: CodeError = new ErrorCtor(
    `require() of ES Module ${path} from ${from} not supported.\nInstead change the require of ${path} in ${from} to a dynamic import() which is available in all CommonJS modules.`,
  );
  err.code = 'ERR_REQUIRE_ESM';
  return err;
}

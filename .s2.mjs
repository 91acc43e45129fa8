// ../../work/main/sandbox/runtime/glue-bundle.ts
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
var GLUE_ENTRY = fileURLToPath(new URL("./isolate/entry.ts", import.meta.url));
async function bundleGlue(entry = GLUE_ENTRY) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "iife",
    platform: "neutral",
    target: "es2023",
    minifySyntax: true,
    legalComments: "none",
    mainFields: ["browser", "module", "main"],
    logLevel: "silent"
  });
  const file = result.outputFiles[0];
  if (file === void 0) throw new Error("esbuild produced no glue bundle");
  return file.text;
}

// ../../work/main/sandbox/runtime/environment.ts
import ivm2 from "isolated-vm";
import { performance as performance2 } from "node:perf_hooks";

// ../../work/main/node_modules/@jridgewell/sourcemap-codec/dist/sourcemap-codec.mjs
var comma = ",".charCodeAt(0);
var semicolon = ";".charCodeAt(0);
var chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
var intToChar = new Uint8Array(64);
var charToInt = new Uint8Array(128);
for (let i = 0; i < chars.length; i++) {
  const c = chars.charCodeAt(i);
  intToChar[i] = c;
  charToInt[c] = i;
}
function decodeInteger(reader) {
  let value = 0;
  let shift = 0;
  let integer = 0;
  do {
    const c = reader.next();
    integer = charToInt[c];
    value |= (integer & 31) << shift;
    shift += 5;
  } while (integer & 32);
  return value;
}
function decodeSign(num) {
  return num & 1 ? -2147483648 | -(num >>> 1) : num >>> 1;
}
function hasMoreVlq(reader, max) {
  if (reader.pos >= max) return false;
  return reader.peek() !== comma;
}
var bufLength = 1024 * 16;
var StringReader = class {
  constructor(buffer) {
    this.pos = 0;
    this.buffer = buffer;
  }
  next() {
    return this.buffer.charCodeAt(this.pos++);
  }
  peek() {
    return this.buffer.charCodeAt(this.pos);
  }
  indexOf(char) {
    const { buffer, pos } = this;
    const idx = buffer.indexOf(char, pos);
    return idx === -1 ? buffer.length : idx;
  }
};
function decode(mappings) {
  const { length } = mappings;
  const reader = new StringReader(mappings);
  const decoded = [];
  let genColumn = 0;
  let sourcesIndex = 0;
  let sourceLine = 0;
  let sourceColumn = 0;
  let namesIndex = 0;
  do {
    const semi = reader.indexOf(";");
    const line = [];
    let sorted = true;
    let lastCol = 0;
    genColumn = 0;
    while (reader.pos < semi) {
      let seg;
      genColumn += decodeSign(decodeInteger(reader));
      if (genColumn < lastCol) sorted = false;
      lastCol = genColumn;
      if (hasMoreVlq(reader, semi)) {
        sourcesIndex += decodeSign(decodeInteger(reader));
        sourceLine += decodeSign(decodeInteger(reader));
        sourceColumn += decodeSign(decodeInteger(reader));
        if (hasMoreVlq(reader, semi)) {
          namesIndex += decodeSign(decodeInteger(reader));
          seg = [genColumn, sourcesIndex, sourceLine, sourceColumn, namesIndex];
        } else {
          seg = [genColumn, sourcesIndex, sourceLine, sourceColumn];
        }
      } else {
        seg = [genColumn];
      }
      line.push(seg);
      reader.pos++;
    }
    if (!sorted) sort(line);
    decoded.push(line);
    reader.pos = semi + 1;
  } while (reader.pos <= length);
  return decoded;
}
function sort(line) {
  line.sort(sortComparator);
}
function sortComparator(a, b) {
  return a[0] - b[0];
}

// ../../work/main/node_modules/@jridgewell/resolve-uri/dist/resolve-uri.mjs
var schemeRegex = /^[\w+.-]+:\/\//;
var urlRegex = /^([\w+.-]+:)\/\/([^@/#?]*@)?(\[[^\]]+\]|[^:/#?]*)(:\d+)?(\/[^#?]*)?(\?[^#]*)?(#.*)?/;
var fileRegex = /^file:(?:\/\/((?![a-z]:)[^/#?]*)?)?(\/?[^#?]*)(\?[^#]*)?(#.*)?/i;
function isAbsoluteUrl(input) {
  return schemeRegex.test(input);
}
function isSchemeRelativeUrl(input) {
  return input.startsWith("//");
}
function isAbsolutePath(input) {
  return input.startsWith("/");
}
function isFileUrl(input) {
  return input.startsWith("file:");
}
function isRelative(input) {
  return /^[.?#]/.test(input);
}
function parseAbsoluteUrl(input) {
  const match = urlRegex.exec(input);
  return makeUrl(match[1], match[2] || "", match[3], match[4] || "", match[5] || "/", match[6] || "", match[7] || "");
}
function parseFileUrl(input) {
  const match = fileRegex.exec(input);
  const path = match[2];
  return makeUrl("file:", "", match[1] || "", "", isAbsolutePath(path) ? path : "/" + path, match[3] || "", match[4] || "");
}
function makeUrl(scheme, user, host, port, path, query, hash) {
  return {
    scheme,
    user,
    host,
    port,
    path,
    query,
    hash,
    type: 7
  };
}
function parseUrl(input) {
  if (isSchemeRelativeUrl(input)) {
    const url2 = parseAbsoluteUrl("http:" + input);
    url2.scheme = "";
    url2.type = 6;
    return url2;
  }
  if (isAbsolutePath(input)) {
    const url2 = parseAbsoluteUrl("http://foo.com" + input);
    url2.scheme = "";
    url2.host = "";
    url2.type = 5;
    return url2;
  }
  if (isFileUrl(input))
    return parseFileUrl(input);
  if (isAbsoluteUrl(input))
    return parseAbsoluteUrl(input);
  const url = parseAbsoluteUrl("http://foo.com/" + input);
  url.scheme = "";
  url.host = "";
  url.type = input ? input.startsWith("?") ? 3 : input.startsWith("#") ? 2 : 4 : 1;
  return url;
}
function stripPathFilename(path) {
  if (path.endsWith("/.."))
    return path;
  const index = path.lastIndexOf("/");
  return path.slice(0, index + 1);
}
function mergePaths(url, base) {
  normalizePath(base, base.type);
  if (url.path === "/") {
    url.path = base.path;
  } else {
    url.path = stripPathFilename(base.path) + url.path;
  }
}
function normalizePath(url, type) {
  const rel = type <= 4;
  const pieces = url.path.split("/");
  let pointer = 1;
  let positive = 0;
  let addTrailingSlash = false;
  for (let i = 1; i < pieces.length; i++) {
    const piece = pieces[i];
    if (!piece) {
      addTrailingSlash = true;
      continue;
    }
    addTrailingSlash = false;
    if (piece === ".")
      continue;
    if (piece === "..") {
      if (positive) {
        addTrailingSlash = true;
        positive--;
        pointer--;
      } else if (rel) {
        pieces[pointer++] = piece;
      }
      continue;
    }
    pieces[pointer++] = piece;
    positive++;
  }
  let path = "";
  for (let i = 1; i < pointer; i++) {
    path += "/" + pieces[i];
  }
  if (!path || addTrailingSlash && !path.endsWith("/..")) {
    path += "/";
  }
  url.path = path;
}
function resolve(input, base) {
  if (!input && !base)
    return "";
  const url = parseUrl(input);
  let inputType = url.type;
  if (base && inputType !== 7) {
    const baseUrl = parseUrl(base);
    const baseType = baseUrl.type;
    switch (inputType) {
      case 1:
        url.hash = baseUrl.hash;
      // fall through
      case 2:
        url.query = baseUrl.query;
      // fall through
      case 3:
      case 4:
        mergePaths(url, baseUrl);
      // fall through
      case 5:
        url.user = baseUrl.user;
        url.host = baseUrl.host;
        url.port = baseUrl.port;
      // fall through
      case 6:
        url.scheme = baseUrl.scheme;
    }
    if (baseType > inputType)
      inputType = baseType;
  }
  normalizePath(url, inputType);
  const queryHash = url.query + url.hash;
  switch (inputType) {
    // This is impossible, because of the empty checks at the start of the function.
    // case UrlType.Empty:
    case 2:
    case 3:
      return queryHash;
    case 4: {
      const path = url.path.slice(1);
      if (!path)
        return queryHash || ".";
      if (isRelative(base || input) && !isRelative(path)) {
        return "./" + path + queryHash;
      }
      return path + queryHash;
    }
    case 5:
      return url.path + queryHash;
    default:
      return url.scheme + "//" + url.user + url.host + url.port + url.path + queryHash;
  }
}

// ../../work/main/node_modules/@jridgewell/trace-mapping/dist/trace-mapping.mjs
function stripFilename(path) {
  if (!path) return "";
  const index = path.lastIndexOf("/");
  return path.slice(0, index + 1);
}
function resolver(mapUrl, sourceRoot) {
  const from = stripFilename(mapUrl);
  const prefix = sourceRoot ? sourceRoot + "/" : "";
  return (source) => resolve(prefix + (source || ""), from);
}
var COLUMN = 0;
var SOURCES_INDEX = 1;
var SOURCE_LINE = 2;
var SOURCE_COLUMN = 3;
var NAMES_INDEX = 4;
function maybeSort(mappings, owned) {
  const unsortedIndex = nextUnsortedSegmentLine(mappings, 0);
  if (unsortedIndex === mappings.length) return mappings;
  if (!owned) mappings = mappings.slice();
  for (let i = unsortedIndex; i < mappings.length; i = nextUnsortedSegmentLine(mappings, i + 1)) {
    mappings[i] = sortSegments(mappings[i], owned);
  }
  return mappings;
}
function nextUnsortedSegmentLine(mappings, start) {
  for (let i = start; i < mappings.length; i++) {
    if (!isSorted(mappings[i])) return i;
  }
  return mappings.length;
}
function isSorted(line) {
  for (let j = 1; j < line.length; j++) {
    if (line[j][COLUMN] < line[j - 1][COLUMN]) {
      return false;
    }
  }
  return true;
}
function sortSegments(line, owned) {
  if (!owned) line = line.slice();
  return line.sort(sortComparator2);
}
function sortComparator2(a, b) {
  return a[COLUMN] - b[COLUMN];
}
var found = false;
function binarySearch(haystack, needle, low, high) {
  while (low <= high) {
    const mid = low + (high - low >> 1);
    const cmp = haystack[mid][COLUMN] - needle;
    if (cmp === 0) {
      found = true;
      return mid;
    }
    if (cmp < 0) {
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  found = false;
  return low - 1;
}
function upperBound(haystack, needle, index) {
  for (let i = index + 1; i < haystack.length; index = i++) {
    if (haystack[i][COLUMN] !== needle) break;
  }
  return index;
}
function lowerBound(haystack, needle, index) {
  for (let i = index - 1; i >= 0; index = i--) {
    if (haystack[i][COLUMN] !== needle) break;
  }
  return index;
}
function memoizedState() {
  return {
    lastKey: -1,
    lastNeedle: -1,
    lastIndex: -1
  };
}
function memoizedBinarySearch(haystack, needle, state, key) {
  const { lastKey, lastNeedle, lastIndex } = state;
  let low = 0;
  let high = haystack.length - 1;
  if (key === lastKey) {
    if (needle === lastNeedle) {
      found = lastIndex !== -1 && haystack[lastIndex][COLUMN] === needle;
      return lastIndex;
    }
    if (needle >= lastNeedle) {
      low = lastIndex === -1 ? 0 : lastIndex;
    } else {
      high = lastIndex;
    }
  }
  state.lastKey = key;
  state.lastNeedle = needle;
  return state.lastIndex = binarySearch(haystack, needle, low, high);
}
function parse(map) {
  return typeof map === "string" ? JSON.parse(map) : map;
}
var LINE_GTR_ZERO = "`line` must be greater than 0 (lines start at line 1)";
var COL_GTR_EQ_ZERO = "`column` must be greater than or equal to 0 (columns start at column 0)";
var LEAST_UPPER_BOUND = -1;
var GREATEST_LOWER_BOUND = 1;
var TraceMap = class {
  constructor(map, mapUrl) {
    const isString = typeof map === "string";
    if (!isString && map._decodedMemo) return map;
    const parsed = parse(map);
    const { version, file, names, sourceRoot, sources, sourcesContent } = parsed;
    this.version = version;
    this.file = file;
    this.names = names || [];
    this.sourceRoot = sourceRoot;
    this.sources = sources;
    this.sourcesContent = sourcesContent;
    this.ignoreList = parsed.ignoreList || parsed.x_google_ignoreList || void 0;
    const resolve2 = resolver(mapUrl, sourceRoot);
    this.resolvedSources = sources.map(resolve2);
    const { mappings } = parsed;
    if (typeof mappings === "string") {
      this._encoded = mappings;
      this._decoded = void 0;
    } else if (Array.isArray(mappings)) {
      this._encoded = void 0;
      this._decoded = maybeSort(mappings, isString);
    } else if (parsed.sections) {
      throw new Error(`TraceMap passed sectioned source map, please use FlattenMap export instead`);
    } else {
      throw new Error(`invalid source map: ${JSON.stringify(parsed)}`);
    }
    this._decodedMemo = memoizedState();
    this._bySources = void 0;
    this._bySourceMemos = void 0;
  }
};
function cast(map) {
  return map;
}
function decodedMappings(map) {
  var _a;
  return (_a = cast(map))._decoded || (_a._decoded = decode(cast(map)._encoded));
}
function originalPositionFor(map, needle) {
  let { line, column, bias } = needle;
  line--;
  if (line < 0) throw new Error(LINE_GTR_ZERO);
  if (column < 0) throw new Error(COL_GTR_EQ_ZERO);
  const decoded = decodedMappings(map);
  if (line >= decoded.length) return OMapping(null, null, null, null);
  const segments = decoded[line];
  const index = traceSegmentInternal(
    segments,
    cast(map)._decodedMemo,
    line,
    column,
    bias || GREATEST_LOWER_BOUND
  );
  if (index === -1) return OMapping(null, null, null, null);
  const segment = segments[index];
  if (segment.length === 1) return OMapping(null, null, null, null);
  const { names, resolvedSources } = map;
  return OMapping(
    resolvedSources[segment[SOURCES_INDEX]],
    segment[SOURCE_LINE] + 1,
    segment[SOURCE_COLUMN],
    segment.length === 5 ? names[segment[NAMES_INDEX]] : null
  );
}
function OMapping(source, line, column, name) {
  return { source, line, column, name };
}
function traceSegmentInternal(segments, memo, line, column, bias) {
  let index = memoizedBinarySearch(segments, column, memo, line);
  if (found) {
    index = (bias === LEAST_UPPER_BOUND ? upperBound : lowerBound)(segments, column, index);
  } else if (bias === LEAST_UPPER_BOUND) index++;
  if (index === -1 || index === segments.length) return -1;
  return index;
}

// ../../work/main/sandbox/runtime/code-files.ts
import { transformSync } from "esbuild";

// ../../work/main/sandbox/runtime/isolate/module-resolution.ts
var TASK_ROOT = "/var/task";
function dirname(path) {
  const i = path.lastIndexOf("/");
  if (i <= 0) return "/";
  return path.slice(0, i);
}
function resolvePath(...parts) {
  let absolute = "";
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = parts[i];
    if (p === "") continue;
    absolute = absolute === "" ? p : `${p}/${absolute}`;
    if (p.startsWith("/")) break;
  }
  if (!absolute.startsWith("/")) absolute = `/${absolute}`;
  const out = [];
  for (const seg of absolute.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return `/${out.join("/")}`;
}
function readPackageJson(files, dir) {
  const text = files.read(`${dir === "/" ? "" : dir}/package.json`);
  if (text === void 0) return void 0;
  try {
    const parsed = JSON.parse(text);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? parsed : {};
  } catch {
    return {};
  }
}
function nearestPackageType(files, dir) {
  let d = dir;
  for (let guard = 0; guard < 64; guard++) {
    if (d.endsWith("/node_modules")) return "commonjs";
    const pkg = readPackageJson(files, d);
    if (pkg !== void 0) return pkg["type"] === "module" ? "module" : "commonjs";
    if (d === "/") return "commonjs";
    d = dirname(d);
  }
  return "commonjs";
}
function isTypeScript(path) {
  return /\.(ts|mts|cts)$/.test(path);
}
function formatOf(files, path) {
  if (path.endsWith(".json")) return "json";
  if (path.endsWith(".mjs") || path.endsWith(".mts")) return "esm";
  if (path.endsWith(".cjs") || path.endsWith(".cts")) return "cjs";
  return nearestPackageType(files, dirname(path)) === "module" ? "esm" : "cjs";
}
var NODE_BUILTINS = /* @__PURE__ */ new Set([
  "assert",
  "assert/strict",
  "async_hooks",
  "buffer",
  "child_process",
  "cluster",
  "console",
  "constants",
  "crypto",
  "dgram",
  "diagnostics_channel",
  "dns",
  "dns/promises",
  "domain",
  "events",
  "fs",
  "fs/promises",
  "http",
  "http2",
  "https",
  "inspector",
  "inspector/promises",
  "module",
  "net",
  "os",
  "path",
  "path/posix",
  "path/win32",
  "perf_hooks",
  "process",
  "punycode",
  "querystring",
  "readline",
  "readline/promises",
  "repl",
  "stream",
  "stream/consumers",
  "stream/promises",
  "stream/web",
  "string_decoder",
  "sys",
  "timers",
  "timers/promises",
  "tls",
  "trace_events",
  "tty",
  "url",
  "util",
  "util/types",
  "v8",
  "vm",
  "wasi",
  "worker_threads",
  "zlib",
  "test",
  "sqlite",
  "sea"
]);
function builtinName(specifier) {
  const name = specifier.startsWith("node:") ? specifier.slice(5) : specifier;
  return NODE_BUILTINS.has(name) ? name : void 0;
}
function packageName(specifier) {
  const parts = specifier.split("/");
  const count = specifier.startsWith("@") ? 2 : 1;
  const name = parts.slice(0, count).join("/");
  const rest = parts.slice(count).join("/");
  return { name, subpath: rest === "" ? "." : `./${rest}` };
}
function resolveExportsTarget(target, conditions) {
  if (typeof target === "string") return target;
  if (Array.isArray(target)) {
    for (const t of target) {
      const r2 = resolveExportsTarget(t, conditions);
      if (r2 !== void 0) return r2;
    }
    return void 0;
  }
  if (typeof target === "object" && target !== null) {
    for (const [key, value] of Object.entries(target)) {
      if (key === "default" || conditions.includes(key)) {
        const r2 = resolveExportsTarget(value, conditions);
        if (r2 !== void 0) return r2;
      }
    }
  }
  return void 0;
}
function resolvePackageExports(exportsField, subpath, conditions) {
  if (typeof exportsField === "string" || Array.isArray(exportsField)) {
    return subpath === "." ? resolveExportsTarget(exportsField, conditions) : void 0;
  }
  if (typeof exportsField !== "object" || exportsField === null) return void 0;
  const map = exportsField;
  const keys = Object.keys(map);
  const isSubpathMap = keys.some((k) => k.startsWith("."));
  if (!isSubpathMap) return subpath === "." ? resolveExportsTarget(map, conditions) : void 0;
  if (Object.hasOwn(map, subpath)) return resolveExportsTarget(map[subpath], conditions);
  for (const key of keys) {
    const star = key.indexOf("*");
    if (star < 0) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (subpath.startsWith(prefix) && subpath.endsWith(suffix) && subpath.length >= key.length - 1) {
      const match = subpath.slice(prefix.length, subpath.length - suffix.length);
      const t = resolveExportsTarget(map[key], conditions);
      return t?.split("*").join(match);
    }
  }
  return void 0;
}
function tryFile(files, path, extensions) {
  if (files.isFile(path)) return path;
  for (const ext of extensions) if (files.isFile(path + ext)) return path + ext;
  return void 0;
}
var CJS_EXTENSIONS = [".js", ".json", ".cjs", ".mjs", ".ts", ".cts", ".mts"];
function tryDirectory(files, dir) {
  const pkg = readPackageJson(files, dir);
  const main = pkg?.["main"];
  if (typeof main === "string" && main !== "") {
    const m = resolvePath(dir, main);
    const found2 = tryFile(files, m, CJS_EXTENSIONS) ?? tryFile(files, `${m}/index`, CJS_EXTENSIONS);
    if (found2 !== void 0) return found2;
  }
  return tryFile(files, `${dir}/index`, CJS_EXTENSIONS);
}
function resolveCjs(files, request, fromDir) {
  if (request.startsWith("./") || request.startsWith("../") || request.startsWith("/") || request === "." || request === "..") {
    const abs = resolvePath(fromDir, request);
    return tryFile(files, abs, CJS_EXTENSIONS) ?? (files.isDirectory(abs) ? tryDirectory(files, abs) : void 0);
  }
  return resolvePackage(files, request, fromDir, ["require", "node"], true);
}
function resolveEsm(files, specifier, referrer) {
  if (specifier.startsWith("file://")) specifier = decodeURIComponent(specifier.slice(7));
  if (specifier.startsWith("./") || specifier.startsWith("../") || specifier.startsWith("/")) {
    const abs = resolvePath(dirname(referrer), specifier);
    return files.isFile(abs) ? abs : void 0;
  }
  return resolvePackage(files, specifier, dirname(referrer), ["import", "node"], false);
}
function resolvePackage(files, specifier, fromDir, conditions, cjs) {
  const { name, subpath } = packageName(specifier);
  let dir = fromDir;
  for (let guard = 0; guard < 64; guard++) {
    const base = dir.endsWith("/node_modules") ? dir : `${dir === "/" ? "" : dir}/node_modules`;
    const pkgDir = `${base}/${name}`;
    if (files.isDirectory(pkgDir)) {
      const pkg = readPackageJson(files, pkgDir);
      if (pkg !== void 0 && pkg["exports"] !== void 0) {
        const target = resolvePackageExports(pkg["exports"], subpath, conditions);
        if (target === void 0) return void 0;
        const abs2 = resolvePath(pkgDir, target);
        return files.isFile(abs2) ? abs2 : void 0;
      }
      if (subpath === ".") {
        if (!cjs) {
          const main = pkg?.["main"];
          if (typeof main === "string") {
            const m = resolvePath(pkgDir, main);
            return tryFile(files, m, CJS_EXTENSIONS) ?? tryFile(files, `${m}/index`, CJS_EXTENSIONS);
          }
          return tryFile(files, `${pkgDir}/index`, [".js"]);
        }
        return tryDirectory(files, pkgDir);
      }
      const abs = resolvePath(pkgDir, subpath);
      return cjs ? tryFile(files, abs, CJS_EXTENSIONS) ?? (files.isDirectory(abs) ? tryDirectory(files, abs) : void 0) : files.isFile(abs) ? abs : void 0;
    }
    if (dir === "/") return void 0;
    dir = dirname(dir);
  }
  return void 0;
}
function findHandlerModule(files, moduleRoot, moduleName) {
  const base = resolvePath(TASK_ROOT, moduleRoot, moduleName);
  for (const ext of ["", ".js", ".mjs", ".cjs", ".ts", ".mts", ".cts"]) {
    const p = base + ext;
    if (files.isFile(p)) return { path: p, format: ext === "" ? "cjs" : formatOf(files, p) };
  }
  const viaRequire = resolveCjs(files, moduleName, resolvePath(TASK_ROOT, moduleRoot));
  return viaRequire === void 0 ? void 0 : { path: viaRequire, format: formatOf(files, viaRequire) };
}

// ../../work/main/sandbox/runtime/code-files.ts
function fileLookup(files) {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const dirs = /* @__PURE__ */ new Set([TASK_ROOT]);
  for (const f of files) {
    for (let d = dirname(f.path); d.length > 1 && !dirs.has(d); d = dirname(d)) dirs.add(d);
  }
  return {
    isFile: (p) => byPath.has(p),
    isDirectory: (p) => dirs.has(p),
    read: (p) => byPath.get(p)?.source,
    get: (p) => byPath.get(p)
  };
}
function prepareCode(sources) {
  const files = sources.map((s) => ({ path: `${TASK_ROOT}/${s.path}`, source: s.content }));
  const lookup = fileLookup(files);
  const maps = /* @__PURE__ */ new Map();
  const transpileErrors = /* @__PURE__ */ new Map();
  for (const f of files) {
    if (isTypeScript(f.path)) {
      const format = formatOf(lookup, f.path) === "esm" ? "esm" : "cjs";
      try {
        const out = transformSync(f.source, {
          loader: "ts",
          format,
          target: "es2023",
          sourcemap: "external",
          sourcefile: f.path,
          logLevel: "silent"
        });
        f.code = withImportMeta(out.code, f.path);
        maps.set(f.path, new TraceMap(out.map));
      } catch (e) {
        const first = e.errors?.[0]?.text;
        transpileErrors.set(f.path, first ?? String(e));
        f.code = f.source;
      }
    } else if (/\.(mjs|js)$/.test(f.path) && f.source.includes("import.meta")) {
      const code = withImportMeta(f.source, f.path);
      if (code !== f.source) f.code = code;
    }
  }
  return { files, lookup, maps, transpileErrors };
}
function withImportMeta(code, path) {
  if (!code.includes("import.meta")) return code;
  const meta = `({url:${JSON.stringify(`file://${path}`)},filename:${JSON.stringify(path)},dirname:${JSON.stringify(dirname(path))},resolve:(s)=>new URL(s,${JSON.stringify(`file://${path}`)}).href})`;
  return code.replace(/\bimport\.meta\b/g, meta);
}
function mapTypeScriptPositions(text, maps) {
  if (maps.size === 0) return text;
  return text.replace(/((?:file:\/\/)?(\/var\/task\/[^\s:()]+\.(?:ts|mts|cts))):(\d+):(\d+)/g, (whole, prefix, path, line, col) => {
    const map = maps.get(path);
    if (map === void 0) return whole;
    const pos = originalPositionFor(map, { line: Number(line), column: Number(col) - 1 });
    if (pos.line === null || pos.column === null) return whole;
    return `${prefix}:${pos.line}:${pos.column + 1}`;
  });
}

// ../../work/main/sandbox/runtime/esm-linker.ts
import "isolated-vm";

// ../../work/main/sandbox/runtime/isolate/glue-api.ts
var GLUE_FUNCTIONS = [
  "loadCjsHandler",
  "bindEsmHandler",
  "loadFailed",
  "flush",
  "invoke",
  "fireTimer",
  "emptyLoop",
  "builtinExports",
  "cjsExportsForEsm"
];
var ESM_BRIDGE_SYMBOL = "lambda-lab.esm-bridge";

// ../../work/main/sandbox/runtime/esm-linker.ts
var EsmLoadError = class extends Error {
  constructor(kind, message, errorName, errorStack, initOutcome) {
    super(message);
    this.kind = kind;
    this.errorName = errorName;
    this.errorStack = errorStack;
    this.initOutcome = initOutcome;
  }
  kind;
  errorName;
  errorStack;
  initOutcome;
};
var IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
var RESERVED = /* @__PURE__ */ new Set(["default", "await", "yield", "let", "static", "enum", "implements", "package", "protected", "interface", "private", "public", "arguments", "eval", "break", "case", "catch", "class", "const", "continue", "debugger", "delete", "do", "else", "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "null", "return", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with"]);
function wrapperSource(bridgeCall, names) {
  const exported = names.filter((n) => IDENTIFIER.test(n) && !RESERVED.has(n));
  const bridge = `globalThis[Symbol.for(${JSON.stringify(ESM_BRIDGE_SYMBOL)})]`;
  let src = `const m = ${bridge}.${bridgeCall};
export default m;
`;
  if (exported.length > 0) src += `export const { ${exported.join(", ")} } = m;
`;
  return src;
}
function notFoundError(specifier, referrer) {
  const relative = specifier.startsWith(".") || specifier.startsWith("/") || specifier.startsWith("file:");
  const message = relative ? `Cannot find module '${specifier.startsWith("file:") ? specifier.slice(7) : resolveDisplay(specifier, referrer)}' imported from ${referrer}` : `Cannot find package '${specifier.replace(/^node:/, "")}' imported from ${referrer}`;
  const stack = [
    `Error [ERR_MODULE_NOT_FOUND]: ${message}`,
    relative ? "    at finalizeResolution (node:internal/modules/esm/resolve:275:11)" : "    at packageResolve (node:internal/modules/esm/resolve:873:9)",
    "    at moduleResolve (node:internal/modules/esm/resolve:946:18)",
    "    at defaultResolve (node:internal/modules/esm/resolve:1188:11)",
    "    at ModuleLoader.defaultResolve (node:internal/modules/esm/loader:708:12)"
  ].join("\n");
  return new EsmLoadError("error", message, "Error", stack);
}
function resolveDisplay(specifier, referrer) {
  const base = referrer.slice(0, referrer.lastIndexOf("/"));
  const parts = `${base}/${specifier}`.split("/");
  const out = [];
  for (const p of parts) {
    if (p === "" || p === ".") continue;
    if (p === "..") out.pop();
    else out.push(p);
  }
  return `/${out.join("/")}`;
}
function splitCompileLocation(message) {
  const m = /^(.*) \[(.+:\d+:\d+)\]$/s.exec(message);
  return m === null ? { message } : { message: m[1], location: m[2] };
}
var EsmLinker = class {
  constructor(isolate, files, hooks) {
    this.isolate = isolate;
    this.files = files;
    this.hooks = hooks;
  }
  isolate;
  files;
  hooks;
  pathOf = /* @__PURE__ */ new WeakMap();
  modules = /* @__PURE__ */ new Map();
  pending = /* @__PURE__ */ new Map();
  /** Compiles and instantiates the entry module and everything it imports. */
  async link(entryPath, context) {
    const entry = await this.moduleFor(entryPath);
    await entry.instantiate(context, (specifier, referrer) => this.resolve(specifier, referrer));
    return entry;
  }
  async resolve(specifier, referrer) {
    const from = this.pathOf.get(referrer) ?? "/var/task/index.mjs";
    const builtin = builtinName(specifier);
    if (builtin !== void 0) {
      const key = `builtin:${builtin}`;
      const names = await this.hooks.builtinExports(builtin);
      if (names === void 0) throw notFoundError(specifier, from);
      return this.cached(key, () => this.compile(wrapperSource(`builtin(${JSON.stringify(builtin)})`, names), `node:${builtin}`, key));
    }
    const path = resolveEsm(this.files, specifier, from);
    if (path === void 0) throw notFoundError(specifier, from);
    return this.moduleFor(path);
  }
  async moduleFor(path) {
    const format = formatOf(this.files, path);
    if (format === "esm") {
      return this.cached(path, async () => {
        const file = this.files.get(path);
        if (file === void 0) throw notFoundError(path, path);
        return this.compile(file.code ?? file.source, `file://${path}`, path);
      });
    }
    if (format === "json") {
      return this.cached(`json:${path}`, async () => {
        const text = this.files.read(path) ?? "null";
        try {
          JSON.parse(text);
        } catch (e) {
          const message = `${path}: ${e.message}`;
          throw new EsmLoadError("error", message, "SyntaxError", `SyntaxError: ${message}`);
        }
        return this.compile(`export default JSON.parse(${JSON.stringify(text)});
`, `file://${path}`, `json:${path}`);
      });
    }
    return this.cached(`cjs:${path}`, async () => {
      const result = await this.hooks.cjsExports(path);
      if (!result.ok) throw new EsmLoadError("error", "CommonJS module failed to load", "Error", "", result.raw);
      return this.compile(wrapperSource(`cjs(${JSON.stringify(path)})`, result.names), `file://${path}?cjs`, `cjs:${path}`);
    });
  }
  cached(key, make) {
    const done = this.modules.get(key);
    if (done !== void 0) return Promise.resolve(done);
    let p = this.pending.get(key);
    if (p === void 0) {
      p = make().then((m) => {
        this.modules.set(key, m);
        return m;
      });
      this.pending.set(key, p);
    }
    return p;
  }
  async compile(code, filename, key) {
    try {
      const m = await this.isolate.compileModule(code, { filename });
      this.pathOf.set(m, key.startsWith("/") ? key : filename.replace(/^file:\/\//, "").replace(/\?cjs$/, ""));
      return m;
    } catch (e) {
      if (e instanceof EsmLoadError) throw e;
      const err = e;
      if (err.name === "SyntaxError") {
        const { message } = splitCompileLocation(err.message);
        throw new EsmLoadError("syntax", message, "SyntaxError", `SyntaxError: ${message}`);
      }
      throw e;
    }
  }
};

// ../../work/main/sandbox/runtime/handler-string.ts
var MalformedHandlerName = class extends Error {
  constructor(message) {
    super(message);
    this.name = "Runtime.MalformedHandlerName";
  }
};
function parseHandler(handler) {
  if (handler.includes("..")) {
    throw new MalformedHandlerName(
      `'${handler}' is not a valid handler name. Use absolute paths when specifying root directories in handler names.`
    );
  }
  const slash = handler.lastIndexOf("/");
  const base = handler.slice(slash + 1);
  const moduleRoot = handler.slice(0, handler.indexOf(base));
  const match = /^([^.]*)\.(.*)$/.exec(base);
  if (match === null) throw new MalformedHandlerName("Bad handler");
  return { moduleRoot, moduleName: match[1], handlerName: match[2] };
}

// ../../work/main/sandbox/runtime/isolate/log-buffer-layout.ts
var LOG_HEADER_INTS = 4;
var LOG_HEADER_BYTES = LOG_HEADER_INTS * 4;
var LOG_WRITE_OFFSET = 0;
var LOG_DROPPED_BYTES = 1;
var LOG_DROPPED_EVENTS = 2;
var LOG_BUFFER_BYTES = 1024 * 1024;
var MAX_LOG_EVENT_BYTES = 256 * 1024;

// ../../work/main/sandbox/runtime/lambda-env.ts
function lambdaEnvironment(input) {
  const env = /* @__PURE__ */ Object.create(null);
  for (const [k, v] of Object.entries(input.variables)) env[k] = v;
  Object.assign(env, {
    AWS_LAMBDA_FUNCTION_VERSION: "$LATEST",
    AWS_SESSION_TOKEN: "IQoJb3JpZ2luX2VjEL7//////////wEaCWxhbWJkYS1sYWIiRzBFAiEAlambdalab/fake/session/token",
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${input.functionName}`,
    LAMBDA_TASK_ROOT: "/var/task",
    LD_LIBRARY_PATH: "/var/lang/lib:/lib64:/usr/lib64:/var/runtime:/var/runtime/lib:/var/task:/var/task/lib:/opt/lib",
    AWS_LAMBDA_RUNTIME_API: "127.0.0.1:9001",
    AWS_LAMBDA_LOG_STREAM_NAME: input.logStreamName,
    AWS_EXECUTION_ENV: `AWS_Lambda_${input.runtime}`,
    AWS_XRAY_DAEMON_ADDRESS: "169.254.79.129:2000",
    AWS_LAMBDA_FUNCTION_NAME: input.functionName,
    PATH: "/var/lang/bin:/usr/local/bin:/usr/bin/:/bin:/opt/bin",
    AWS_DEFAULT_REGION: input.region,
    PWD: "/var/task",
    AWS_SECRET_ACCESS_KEY: "lambdaLabFakeSecretAccessKeyNotARealKey000",
    LANG: "en_US.UTF-8",
    LAMBDA_RUNTIME_DIR: "/var/runtime",
    AWS_LAMBDA_INITIALIZATION_TYPE: "on-demand",
    TZ: ":UTC",
    AWS_REGION: input.region,
    NODE_PATH: "/opt/nodejs/node20/node_modules:/opt/nodejs/node_modules:/var/runtime/node_modules:/var/runtime:/var/task",
    AWS_ACCESS_KEY_ID: "ASIALAMBDALABFAKEKEY",
    SHLVL: "0",
    _AWS_XRAY_DAEMON_ADDRESS: "169.254.79.129",
    _AWS_XRAY_DAEMON_PORT: "2000",
    AWS_XRAY_CONTEXT_MISSING: "LOG_ERROR",
    _HANDLER: input.handler,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(input.memorySizeMB),
    NODE_EXTRA_CA_CERTS: "/var/runtime/ca-cert.pem"
  });
  if (input.logFormat === "JSON") {
    env["AWS_LAMBDA_LOG_FORMAT"] = "JSON";
    env["AWS_LAMBDA_LOG_LEVEL"] = input.applicationLogLevel;
  }
  return { ...env };
}

// ../../work/main/sandbox/runtime/platform-log.ts
var RUNTIME_VERSIONS = {
  "nodejs20.x": { version: "nodejs:20.v52", arnHash: "a4e3d5a3c6b3e2c9d5a8a4b1f2e3d4c5b6a7980f1e2d3c4b5a69788796a5b4c3" },
  "nodejs22.x": { version: "nodejs:22.v31", arnHash: "b7f2c1d0e9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2" },
  "nodejs24.x": { version: "nodejs:24.v9", arnHash: "c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2" }
};
var ms = (n) => n.toFixed(2);
function runtimeVersion(runtime, region) {
  const v = RUNTIME_VERSIONS[runtime] ?? RUNTIME_VERSIONS["nodejs24.x"];
  return { version: v.version, arn: `arn:aws:lambda:${region}::runtime:${v.arnHash}` };
}
var textPlatformLog = {
  initStart(runtime, region) {
    const v = runtimeVersion(runtime, region);
    return `INIT_START Runtime Version: ${v.version}	Runtime Version ARN: ${v.arn}`;
  },
  start: (requestId) => `START RequestId: ${requestId} Version: $LATEST`,
  end: (requestId) => `END RequestId: ${requestId}`,
  report(f) {
    const parts = [
      `REPORT RequestId: ${f.requestId}`,
      `Duration: ${ms(f.durationMs)} ms`,
      `Billed Duration: ${f.billedDurationMs} ms`,
      `Memory Size: ${f.memorySizeMB} MB`,
      `Max Memory Used: ${f.maxMemoryUsedMB} MB`
    ];
    if (f.initDurationMs !== void 0) parts.push(`Init Duration: ${ms(f.initDurationMs)} ms`);
    if (f.status === "success") return `${parts.join("	")}	`;
    parts.push(`Status: ${f.status}`);
    if (f.errorType !== void 0 && f.status === "error") parts.push(`Error Type: ${f.errorType}`);
    return parts.join("	");
  },
  initReport(initDurationMs, phase, status, errorType) {
    const parts = [`INIT_REPORT Init Duration: ${ms(initDurationMs)} ms`, `Phase: ${phase}`, `Status: ${status}`];
    if (errorType !== void 0 && status === "error") parts.push(`Error Type: ${errorType}`);
    return parts.join("	");
  },
  timedOut: (requestId, timeoutMs, at) => `${at.toISOString()} ${requestId} Task timed out after ${ms(timeoutMs / 1e3)} seconds`
};
var json = (at, type, record) => JSON.stringify({ time: at.toISOString(), type, record });
var jsonPlatformLog = {
  initStart(runtime, region, functionName, at) {
    const v = runtimeVersion(runtime, region);
    return json(at, "platform.initStart", {
      initializationType: "on-demand",
      phase: "init",
      runtimeVersion: v.version,
      runtimeVersionArn: v.arn,
      functionName,
      functionVersion: "$LATEST"
    });
  },
  start: (requestId, at) => json(at, "platform.start", { requestId, version: "$LATEST" }),
  // JSON format has no END line: platform.report closes the invocation.
  end: () => "",
  report(f, at) {
    const metrics = {
      durationMs: round2(f.durationMs),
      billedDurationMs: f.billedDurationMs,
      memorySizeMB: f.memorySizeMB,
      maxMemoryUsedMB: f.maxMemoryUsedMB
    };
    if (f.initDurationMs !== void 0) metrics["initDurationMs"] = round2(f.initDurationMs);
    const record = { requestId: f.requestId, metrics, status: f.status };
    if (f.errorType !== void 0 && f.status === "error") record["errorType"] = f.errorType;
    return json(at, "platform.report", record);
  },
  initReport(initDurationMs, phase, status, errorType, at) {
    const record = { initializationType: "on-demand", phase, status, metrics: { durationMs: round2(initDurationMs) } };
    if (errorType !== void 0) record["errorType"] = errorType;
    return json(at, "platform.initReport", record);
  },
  // UNCONFIRMED: the timeout notice keeps its text form in JSON log format.
  timedOut: (requestId, timeoutMs, at) => textPlatformLog.timedOut(requestId, timeoutMs, at)
};
function round2(n) {
  return Math.round(n * 100) / 100;
}
function platformLog(format) {
  return format === "JSON" ? jsonPlatformLog : textPlatformLog;
}
function billedDurationMs(durationMs, initDurationMs) {
  return Math.max(1, Math.ceil(durationMs + (initDurationMs ?? 0)));
}

// ../../work/main/sandbox/runtime/environment.ts
var LOG_LEVELS = { TRACE: 1, DEBUG: 2, INFO: 3, WARN: 4, ERROR: 5, FATAL: 6 };
var INIT_LIMIT_MS = 1e4;
var GlueProgram = class {
  constructor(source) {
    this.source = source;
  }
  source;
  cachedData;
  async compile(isolate) {
    const script = await isolate.compileScript(this.source, {
      filename: "file:///var/runtime/index.mjs",
      ...this.cachedData !== void 0 ? { cachedData: this.cachedData } : { produceCachedData: true }
    });
    if (this.cachedData === void 0 && script.cachedData !== void 0) this.cachedData = script.cachedData;
    return script;
  }
};
var MB = 1024 * 1024;
var ExecutionEnvironment = class {
  constructor(spec, program, limits) {
    this.spec = spec;
    this.program = program;
    this.platform = platformLog(spec.logFormat);
    const code = prepareCode(spec.files);
    this.files = code.files;
    this.lookup = code.lookup;
    this.maps = code.maps;
    this.heapLimitMB = Math.max(8, Math.min(spec.memorySizeMB, limits.heapCapMB));
    const now = /* @__PURE__ */ new Date();
    this.env = lambdaEnvironment({
      functionName: spec.functionName,
      handler: spec.handler,
      runtime: spec.runtime,
      memorySizeMB: spec.memorySizeMB,
      region: spec.region,
      logStreamName: `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, "0")}/${String(now.getUTCDate()).padStart(2, "0")}/[$LATEST]${spec.logStreamId}`,
      logFormat: spec.logFormat,
      applicationLogLevel: spec.applicationLogLevel,
      variables: spec.variables
    });
  }
  spec;
  program;
  isolate;
  context;
  glue = {};
  logBuffer;
  timers = /* @__PURE__ */ new Map();
  turnChain = Promise.resolve();
  turnsInFlight = 0;
  wake;
  initialized = false;
  ended = false;
  disposedByUs = false;
  maxHeapBytes = 0;
  platform;
  files;
  lookup;
  maps;
  env;
  heapLimitMB;
  get id() {
    return this.spec.environmentId;
  }
  get isEnded() {
    return this.ended;
  }
  /** Runs one invocation; never throws for anything the function does. */
  async invoke(req) {
    if (this.ended) throw new Error(`environment ${this.id} has ended; create a new one`);
    const lines = [];
    const coldStart = !this.initialized;
    this.currentRequestId = void 0;
    let initDurationMs;
    const timeoutMs = this.spec.timeoutSeconds * 1e3;
    this.maxHeapBytes = 0;
    if (coldStart) {
      lines.push(this.platform.initStart(this.spec.runtime, this.spec.region, this.spec.functionName, /* @__PURE__ */ new Date()));
      const init = await this.initialize(INIT_LIMIT_MS);
      lines.push(...this.takeLogs());
      initDurationMs = init.durationMs;
      if (!init.ok) {
        lines.push(this.platform.initReport(init.durationMs, "init", init.status, init.error?.errorType, /* @__PURE__ */ new Date()));
        this.teardownIsolate();
        lines.push(this.platform.start(req.requestId, /* @__PURE__ */ new Date()));
        const retryStart = performance2.now();
        const retry = await this.initialize(timeoutMs);
        lines.push(...this.takeLogs());
        if (!retry.ok) {
          lines.push(this.platform.initReport(retry.durationMs, "invoke", retry.status, retry.error?.errorType, /* @__PURE__ */ new Date()));
          const durationMs2 = performance2.now() - retryStart;
          return this.finishFailedInit(req, lines, retry, durationMs2, init.durationMs);
        }
        initDurationMs = void 0;
      }
    }
    if (!lines.some((l) => l.startsWith("START ") || l.includes('"platform.start"'))) {
      lines.push(this.platform.start(req.requestId, /* @__PURE__ */ new Date()));
    }
    this.currentRequestId = req.requestId;
    const started = performance2.now();
    const deadlineMs = Date.now() + timeoutMs;
    const ending = await this.runHandler(req, deadlineMs, started + timeoutMs);
    const durationMs = performance2.now() - started;
    lines.push(...this.takeLogs());
    return this.finish(req, lines, ending, durationMs, coldStart, initDurationMs, timeoutMs);
  }
  /** Releases the isolate and every timer. Safe to call more than once. */
  dispose() {
    this.ended = true;
    this.teardownIsolate();
  }
  // ---- INIT -----------------------------------------------------------------------------------
  async createIsolate() {
    const isolate = new ivm2.Isolate({
      memoryLimit: this.heapLimitMB,
      onCatastrophicError: (message) => {
        process.stderr.write(`lambda-lab runner: catastrophic isolate error: ${message}
`);
        process.abort();
      }
    });
    this.isolate = isolate;
    this.disposedByUs = false;
    const context = await isolate.createContext();
    this.context = context;
    const logBuffer = new SharedArrayBuffer(LOG_HEADER_BYTES + LOG_BUFFER_BYTES);
    this.logBuffer = logBuffer;
    const minLogLevel = this.spec.logFormat === "JSON" ? LOG_LEVELS[this.spec.applicationLogLevel] ?? 3 : 1;
    const boot = {
      runtime: this.spec.runtime,
      handler: this.spec.handler,
      files: this.files,
      env: this.env,
      logFormat: this.spec.logFormat,
      minLogLevel,
      architecture: this.spec.architecture,
      startTime: Date.now()
    };
    const global = context.global;
    await global.set("__lab_boot_config", JSON.stringify(boot));
    await global.set("__lab_log_buffer", new ivm2.ExternalCopy(logBuffer).copyInto({ release: true }));
    const script = await this.program.compile(isolate);
    await script.run(context, { timeout: INIT_LIMIT_MS });
    script.release();
    const glueObject = await global.get("__lab_glue", { reference: true });
    for (const name of GLUE_FUNCTIONS) {
      this.glue[name] = await glueObject.get(name, { reference: true });
    }
    glueObject.release();
    await global.delete("__lab_glue");
  }
  async initialize(limitMs) {
    const t0 = performance2.now();
    const deadline = t0 + limitMs;
    const fail = (status, error, oom = false) => ({
      ok: false,
      durationMs: performance2.now() - t0,
      status,
      ...error !== void 0 ? { error } : {},
      oom
    });
    try {
      await this.createIsolate();
    } catch (e) {
      return fail("error", { errorType: "Runtime.Unknown", errorMessage: `Lambda Lab could not start the environment: ${String(e)}`, trace: [] });
    }
    let turn;
    try {
      turn = await this.loadHandler(deadline);
    } catch (e) {
      return fail("error", { errorType: "LambdaLab.InternalError", errorMessage: `Lambda Lab failed while loading the handler: ${e instanceof Error ? e.message : String(e)}`, trace: [] });
    }
    if (turn.kind === "killed") return fail("timeout");
    if (turn.kind === "oom") return fail("error", { errorType: "Runtime.OutOfMemory", errorMessage: "Runtime exited with error: signal: killed", trace: [] }, true);
    if (turn.kind === "rejection") {
      const error = unhandledRejectionError(turn.reason, this.spec.runtime === "nodejs24.x");
      this.appendRuntimeLog("ERROR", "Unhandled Promise Rejection", error);
      return fail("error", error);
    }
    const init = turn.out.init;
    if (init === void 0 || !init.ok) {
      return fail("error", init?.ok === false ? init.error : { errorType: "Runtime.Unknown", errorMessage: "handler did not load", trace: [] });
    }
    this.freezeTimers();
    this.initialized = true;
    return { ok: true, durationMs: performance2.now() - t0, status: "error" };
  }
  async loadHandler(deadline) {
    let parts;
    try {
      parts = parseHandler(this.spec.handler);
    } catch (e) {
      const message = e instanceof MalformedHandlerName ? e.message : String(e);
      return this.turn("loadFailed", ["malformed", message, "", ""], deadline);
    }
    const found2 = findHandlerModule(this.lookup, parts.moduleRoot, parts.moduleName);
    if (found2 === void 0) {
      return this.turn("loadFailed", ["import", `Error: Cannot find module '${parts.moduleName}'
Require stack:
- /var/runtime/index.mjs`, "", ""], deadline);
    }
    if (found2.format !== "esm") return this.turn("loadCjsHandler", [found2.path], deadline);
    return this.loadEsmHandler(found2.path, deadline);
  }
  async loadEsmHandler(path, deadline) {
    const isolate = this.isolate;
    const linker = new EsmLinker(isolate, this.lookup, {
      builtinExports: async (name) => {
        const r2 = await this.turnRaw("builtinExports", [name], deadline);
        if (r2 === void 0) return void 0;
        const names = JSON.parse(r2);
        return names.length === 0 && !KNOWN_EMPTY.has(name) ? void 0 : names;
      },
      cjsExports: async (p) => {
        const r2 = await this.turnRaw("cjsExportsForEsm", [p], deadline);
        if (r2 === void 0) return { ok: false, raw: "" };
        const parsed = JSON.parse(r2);
        return parsed.ok ? { ok: true, names: parsed.names ?? [] } : { ok: false, raw: r2 };
      }
    });
    let module;
    try {
      module = await linker.link(path, this.context);
    } catch (e) {
      if (this.isolate?.isDisposed) return this.disposedResult();
      if (e instanceof EsmLoadError) {
        if (e.initOutcome !== void 0) {
          const flushed2 = this.flush(deadline);
          return flushed2 ?? this.disposedResult();
        }
        return this.turn("loadFailed", [e.kind, e.message, e.errorName, e.errorStack], deadline);
      }
      const err = e;
      return this.turn("loadFailed", ["error", err.message, err.name, err.stack ?? `${err.name}: ${err.message}`], deadline);
    }
    let settled = false;
    let evalError;
    const evaluation = module.evaluate({ timeout: Math.max(1, Math.ceil(deadline - performance2.now())) }).then(
      () => {
        settled = true;
      },
      (e) => {
        settled = true;
        evalError = e;
      }
    ).finally(() => this.wake?.());
    const flushed = await this.turn("flush", [], deadline);
    if (flushed.kind !== "ok") return flushed;
    const waited = await this.waitFor(() => settled, deadline);
    if (waited === "deadline") {
      this.killIsolate();
      await evaluation.catch(() => void 0);
      return { kind: "killed" };
    }
    if (this.isolate?.isDisposed) return this.disposedResult();
    if (evalError !== void 0) {
      const err = evalError;
      if (err instanceof Error) return this.turn("loadFailed", ["error", err.message, err.name, err.stack ?? `${err.name}: ${err.message}`], deadline);
      return this.turn("loadFailed", ["error", String(evalError), "Error", String(evalError)], deadline);
    }
    return this.turn("bindEsmHandler", [module.namespace.derefInto()], deadline);
  }
  // ---- INVOKE ---------------------------------------------------------------------------------
  async runHandler(req, deadlineEpochMs, deadline) {
    this.resumeTimers();
    const input = {
      requestId: req.requestId,
      event: req.event,
      deadlineMs: deadlineEpochMs,
      invokedFunctionArn: `arn:aws:lambda:${this.spec.region}:${this.spec.accountId}:function:${this.spec.functionName}`,
      ...req.clientContext !== void 0 ? { clientContext: req.clientContext } : {},
      ...req.identity !== void 0 ? { identity: req.identity } : {},
      ...req.traceId !== void 0 ? { traceId: req.traceId } : {}
    };
    let ending;
    const consider = (turn) => {
      if (ending !== void 0) return;
      ending = this.endingOf(turn);
    };
    const deadlineTimer = setTimeout(() => {
      if (ending === void 0) {
        ending = { kind: "timeout" };
        this.killIsolate();
        this.wake?.();
      }
    }, Math.max(0, deadline - performance2.now()));
    try {
      consider(await this.turn("invoke", [JSON.stringify(input)], deadline));
      while (ending === void 0) {
        if (this.loopIsEmpty()) {
          consider(await this.turn("emptyLoop", [], deadline));
          if (ending === void 0) {
            ending = { kind: "outcome", outcome: { ok: false, error: { errorType: "Runtime.Unknown", errorMessage: "The invocation did not settle", trace: [] } } };
          }
          break;
        }
        await this.waitForActivity();
        const last = this.lastTurn;
        if (last !== void 0) {
          this.lastTurn = void 0;
          consider(last);
        }
      }
    } finally {
      clearTimeout(deadlineTimer);
    }
    await this.turnChain.catch(() => void 0);
    return ending;
  }
  lastTurn;
  endingOf(turn) {
    if (turn.kind === "killed") return { kind: "timeout" };
    if (turn.kind === "oom") return { kind: "oom" };
    if (turn.kind === "rejection") {
      const nodejs24 = this.spec.runtime === "nodejs24.x";
      const error = unhandledRejectionError(turn.reason, nodejs24);
      this.appendRuntimeLog("ERROR", "Unhandled Promise Rejection", error);
      if (!nodejs24 && turn.out?.outcome !== void 0 && !turn.out.deferred) {
        return { kind: "exit", code: 128, ...withOutcome(turn.out.outcome, turn.response) };
      }
      return { kind: "exit", code: 128, error };
    }
    const out = turn.out;
    if (out.uncaught !== void 0) return { kind: "exit", code: 129, error: out.uncaught };
    if (out.exit !== void 0) {
      if (out.outcome !== void 0 && !out.deferred) return { kind: "exit", code: out.exit, ...withOutcome(out.outcome, turn.response) };
      return { kind: "exit", code: out.exit };
    }
    if (out.outcome !== void 0 && !out.deferred) {
      return { kind: "outcome", outcome: out.outcome, ...turn.response !== void 0 ? { response: turn.response } : {} };
    }
    return void 0;
  }
  // ---- turns: one entry into the isolate at a time ---------------------------------------------
  turn(fn, args, deadline) {
    const run = async () => {
      const ref = this.glue[fn];
      if (ref === void 0 || this.isolate === void 0 || this.isolate.isDisposed) return this.disposedResult();
      let rejection;
      try {
        await ref.apply(void 0, args, { timeout: Math.max(1, Math.ceil(deadline - performance2.now())) });
      } catch (e) {
        const failed = this.classifyApplyError(e);
        if (failed !== void 0) return failed;
        rejection = { reason: e };
      } finally {
        this.sampleMemory();
      }
      const flushed = this.flush(deadline);
      if (flushed === void 0) return this.disposedResult();
      return rejection === void 0 ? flushed : { kind: "rejection", reason: rejection.reason, out: flushed.out, ...flushed.response !== void 0 ? { response: flushed.response } : {} };
    };
    this.turnsInFlight++;
    const p = this.turnChain.then(run, run).finally(() => {
      this.turnsInFlight--;
    });
    this.turnChain = p;
    return p;
  }
  /** Reads the turn's result synchronously: glue-only code, no user code runs. */
  flush(deadline) {
    const ref = this.glue.flush;
    if (ref === void 0 || this.isolate === void 0 || this.isolate.isDisposed) return void 0;
    try {
      const raw = ref.applySync(void 0, [], { result: { copy: true }, timeout: 2e3 });
      const parsed = parseTurn(raw);
      this.applyOps(parsed.out, deadline);
      return parsed;
    } catch {
      return void 0;
    }
  }
  /** A glue call whose result is plain data (not a turn). Undefined when the isolate is gone. */
  async turnRaw(fn, args, deadline) {
    const ref = this.glue[fn];
    if (ref === void 0 || this.isolate?.isDisposed !== false) return void 0;
    try {
      return await ref.apply(void 0, args, {
        result: { copy: true },
        timeout: Math.max(1, Math.ceil(deadline - performance2.now()))
      });
    } catch {
      return void 0;
    }
  }
  /**
   * Sorts out why an apply failed: the isolate was disposed (our deadline, or its memory limit),
   * isolated-vm's timeout fired, or — anything else — an unhandled promise rejection that
   * isolated-vm reports after the microtask checkpoint (returns undefined for that case).
   */
  classifyApplyError(e) {
    if (this.isolate === void 0 || this.isolate.isDisposed) return this.disposedResult();
    const message = e instanceof Error ? e.message : "";
    if (message === "Script execution timed out.") {
      this.killIsolate();
      return { kind: "killed" };
    }
    return void 0;
  }
  disposedResult() {
    return this.disposedByUs ? { kind: "killed" } : { kind: "oom" };
  }
  // ---- timers ---------------------------------------------------------------------------------
  applyOps(out, deadline) {
    for (const op of out.ops) {
      if (op[0] === "s") {
        const [, id, delay, refed] = op;
        this.clearHostTimer(id);
        const immediate = delay < 0;
        const t = { id, delayMs: Math.max(0, delay), refed: refed === 1, dueAt: performance2.now() + Math.max(0, delay), handle: void 0, immediate };
        this.timers.set(id, t);
        this.armTimer(t, deadline);
      } else if (op[0] === "c") {
        this.clearHostTimer(op[1]);
        this.timers.delete(op[1]);
      } else {
        const t = this.timers.get(op[1]);
        if (t !== void 0) t.refed = op[2] === 1;
      }
    }
  }
  currentDeadline = Infinity;
  armTimer(t, deadline) {
    this.currentDeadline = deadline;
    const fire = () => {
      t.handle = void 0;
      if (!this.timers.has(t.id) || t.frozenRemaining !== void 0) return;
      this.timers.delete(t.id);
      void this.turn("fireTimer", [t.id], this.currentDeadline).then((r2) => {
        this.lastTurn = mergeTurn(this.lastTurn, r2);
        this.wake?.();
      });
    };
    if (t.immediate) t.handle = setImmediate(fire);
    else t.handle = setTimeout(fire, Math.max(0, t.dueAt - performance2.now()));
  }
  clearHostTimer(id) {
    const t = this.timers.get(id);
    if (t?.handle === void 0) return;
    if (t.immediate) clearImmediate(t.handle);
    else clearTimeout(t.handle);
    t.handle = void 0;
  }
  /** Between invocations Lambda freezes the environment: timers pause with their time left. */
  freezeTimers() {
    const now = performance2.now();
    for (const t of this.timers.values()) {
      this.clearHostTimer(t.id);
      t.frozenRemaining = Math.max(0, t.dueAt - now);
    }
  }
  resumeTimers() {
    const now = performance2.now();
    for (const t of this.timers.values()) {
      if (t.frozenRemaining === void 0) continue;
      t.dueAt = now + t.frozenRemaining;
      delete t.frozenRemaining;
      this.armTimer(t, this.currentDeadline);
    }
  }
  loopIsEmpty() {
    if (this.turnsInFlight > 0 || this.lastTurn !== void 0) return false;
    for (const t of this.timers.values()) if (t.refed) return false;
    return true;
  }
  waitForActivity() {
    return new Promise((resolve2) => {
      this.wake = () => {
        this.wake = void 0;
        resolve2();
      };
      if (this.lastTurn !== void 0 || this.loopIsEmpty()) this.wake();
    });
  }
  async waitFor(done, deadline) {
    const timer = setTimeout(() => this.wake?.(), Math.max(0, deadline - performance2.now()));
    try {
      while (!done()) {
        if (performance2.now() >= deadline) return "deadline";
        if (this.loopIsEmpty() && !done()) {
          await new Promise((r2) => setImmediate(r2));
          if (!done() && this.loopIsEmpty()) return "deadline";
          continue;
        }
        await this.waitForActivity();
        this.lastTurn = void 0;
      }
      return "done";
    } finally {
      clearTimeout(timer);
    }
  }
  // ---- memory, logs, teardown -------------------------------------------------------------------
  sampleMemory() {
    const iso = this.isolate;
    if (iso === void 0 || iso.isDisposed) return;
    try {
      const h = iso.getHeapStatisticsSync();
      const used = h.used_heap_size + h.externally_allocated_size;
      if (used > this.maxHeapBytes) this.maxHeapBytes = used;
    } catch {
    }
  }
  killIsolate() {
    const iso = this.isolate;
    if (iso === void 0 || iso.isDisposed) return;
    this.disposedByUs = true;
    try {
      iso.dispose();
    } catch {
    }
  }
  teardownIsolate() {
    for (const id of [...this.timers.keys()]) this.clearHostTimer(id);
    this.timers.clear();
    this.killIsolate();
    this.isolate = void 0;
    this.context = void 0;
    this.glue = {};
    this.initialized = false;
    this.turnChain = Promise.resolve();
    this.turnsInFlight = 0;
    this.lastTurn = void 0;
  }
  /** Log events written since the last call, plus a notice when the buffer overflowed. */
  takeLogs() {
    const buf = this.logBuffer;
    const pending = this.runtimeLines;
    this.runtimeLines = [];
    if (buf === void 0) return pending;
    const header = new Int32Array(buf, 0, 4);
    const length = Atomics.load(header, LOG_WRITE_OFFSET);
    const droppedEvents = Atomics.load(header, LOG_DROPPED_EVENTS);
    const droppedBytes = Atomics.load(header, LOG_DROPPED_BYTES);
    const text = length > 0 ? Buffer.from(buf, LOG_HEADER_BYTES, Math.min(length, LOG_BUFFER_BYTES)).toString("utf8") : "";
    Atomics.store(header, LOG_WRITE_OFFSET, 0);
    Atomics.store(header, LOG_DROPPED_EVENTS, 0);
    Atomics.store(header, LOG_DROPPED_BYTES, 0);
    const lines = text === "" ? [] : text.slice(0, -1).split("\n");
    lines.push(...pending);
    if (droppedEvents > 0) {
      lines.push(`[Lambda Lab] ${droppedEvents} log events (${droppedBytes} bytes) were dropped: the lab keeps at most ${LOG_BUFFER_BYTES / MB} MB of log output per invocation.`);
    }
    return lines;
  }
  runtimeLines = [];
  /** A line the runtime itself logs outside the isolate's view (e.g. an unhandled rejection). */
  appendRuntimeLog(level, label, error) {
    const time = (/* @__PURE__ */ new Date()).toISOString();
    if (this.spec.logFormat === "JSON") {
      this.runtimeLines.push(JSON.stringify({ timestamp: time, level, requestId: this.currentRequestId, message: { errorType: error.errorType, errorMessage: error.errorMessage, stackTrace: error.trace } }));
    } else {
      const formatted = JSON.stringify({ errorType: error.errorType, errorMessage: error.errorMessage, stack: error.trace });
      this.runtimeLines.push(`${time}	${this.currentRequestId ?? "undefined"}	${level}	${label} 	${formatted}`);
    }
  }
  currentRequestId;
  // ---- results --------------------------------------------------------------------------------
  memoryUsedMB(oom) {
    if (oom) return this.spec.memorySizeMB;
    return Math.max(1, Math.min(this.spec.memorySizeMB, Math.ceil(this.maxHeapBytes / MB)));
  }
  finishFailedInit(req, lines, init, durationMs, firstInitMs) {
    const status = init.status === "timeout" ? "timeout" : "error";
    const error = init.status === "timeout" ? { errorType: "Sandbox.Timedout", errorMessage: `RequestId: ${req.requestId} Error: Task timed out after ${this.spec.timeoutSeconds.toFixed(2)} seconds`, trace: [] } : init.error ?? { errorType: "Runtime.Unknown", errorMessage: "INIT failed", trace: [] };
    if (init.status === "timeout") lines.push(this.platform.timedOut(req.requestId, this.spec.timeoutSeconds * 1e3, /* @__PURE__ */ new Date()));
    const end = this.platform.end(req.requestId, /* @__PURE__ */ new Date());
    if (end !== "") lines.push(end);
    const billed = billedDurationMs(durationMs, firstInitMs);
    const maxMemoryUsedMB = this.memoryUsedMB(init.oom === true);
    lines.push(
      this.platform.report(
        { requestId: req.requestId, durationMs, billedDurationMs: billed, memorySizeMB: this.spec.memorySizeMB, maxMemoryUsedMB, status, errorType: error.errorType },
        /* @__PURE__ */ new Date()
      )
    );
    this.teardownIsolate();
    return {
      requestId: req.requestId,
      status,
      error: this.mapError(error),
      logs: this.mapText(lines.join("\n")),
      durationMs,
      billedDurationMs: billed,
      memorySizeMB: this.spec.memorySizeMB,
      maxMemoryUsedMB,
      coldStart: true,
      environmentId: this.id,
      environmentEnded: true
    };
  }
  finish(req, lines, ending, durationMs, coldStart, initDurationMs, timeoutMs) {
    let status = "success";
    let response;
    let error;
    let ended = false;
    let oom = false;
    switch (ending.kind) {
      case "outcome":
        if (ending.outcome.ok) response = ending.response ?? "null";
        else {
          status = "error";
          error = ending.outcome.error;
        }
        break;
      case "timeout":
        status = "timeout";
        ended = true;
        error = { errorType: "Sandbox.Timedout", errorMessage: `RequestId: ${req.requestId} Error: Task timed out after ${(timeoutMs / 1e3).toFixed(2)} seconds`, trace: [] };
        lines.push(this.platform.timedOut(req.requestId, timeoutMs, /* @__PURE__ */ new Date()));
        break;
      case "oom":
        status = "error";
        ended = true;
        oom = true;
        error = { errorType: "Runtime.OutOfMemory", errorMessage: `RequestId: ${req.requestId} Error: Runtime exited with error: signal: killed`, trace: [] };
        lines.push(`RequestId: ${req.requestId} Error: Runtime exited with error: signal: killed`, "Runtime.OutOfMemory");
        break;
      case "killed":
        status = "error";
        ended = true;
        error = { errorType: "Runtime.ExitError", errorMessage: `RequestId: ${req.requestId} Error: Runtime exited with error: signal: killed`, trace: [] };
        break;
      case "exit": {
        ended = true;
        const exitMessage = `RequestId: ${req.requestId} Error: Runtime exited with error: exit status ${ending.code}`;
        if (ending.error !== void 0) {
          status = "error";
          error = ending.error;
        } else if ("outcome" in ending && ending.outcome !== void 0) {
          const o = ending;
          if (o.outcome.ok) response = o.response ?? "null";
          else {
            status = "error";
            error = o.outcome.error;
          }
        } else {
          status = "error";
          error = { errorType: "Runtime.ExitError", errorMessage: exitMessage, trace: [] };
        }
        lines.push(exitMessage, "Runtime.ExitError");
        break;
      }
    }
    const end = this.platform.end(req.requestId, /* @__PURE__ */ new Date());
    if (end !== "") lines.push(end);
    const billed = billedDurationMs(durationMs, initDurationMs);
    const maxMemoryUsedMB = this.memoryUsedMB(oom);
    lines.push(
      this.platform.report(
        {
          requestId: req.requestId,
          durationMs,
          billedDurationMs: billed,
          memorySizeMB: this.spec.memorySizeMB,
          maxMemoryUsedMB,
          ...initDurationMs !== void 0 ? { initDurationMs } : {},
          status,
          ...error !== void 0 ? { errorType: error.errorType } : {}
        },
        /* @__PURE__ */ new Date()
      )
    );
    if (ended) this.dispose();
    else this.freezeTimers();
    return {
      requestId: req.requestId,
      status,
      ...response !== void 0 ? { response } : {},
      ...error !== void 0 ? { error: this.mapError(error) } : {},
      logs: this.mapText(lines.join("\n")),
      durationMs,
      billedDurationMs: billed,
      ...initDurationMs !== void 0 ? { initDurationMs } : {},
      memorySizeMB: this.spec.memorySizeMB,
      maxMemoryUsedMB,
      coldStart,
      environmentId: this.id,
      environmentEnded: ended
    };
  }
  mapText(text) {
    return mapTypeScriptPositions(text, this.maps);
  }
  mapError(e) {
    if (this.maps.size === 0) return e;
    return { ...e, trace: e.trace.map((l) => mapTypeScriptPositions(l, this.maps)) };
  }
};
var KNOWN_EMPTY = /* @__PURE__ */ new Set();
function withOutcome(outcome, response) {
  return response !== void 0 ? { outcome, response } : { outcome };
}
function mergeTurn(previous, next) {
  if (previous === void 0) return next;
  if (previous.kind !== "ok") return previous;
  if (next.kind !== "ok") return next;
  if (previous.out.outcome !== void 0 || previous.out.exit !== void 0 || previous.out.uncaught !== void 0) return previous;
  return next;
}
function parseTurn(raw) {
  const nl = raw.indexOf("\n");
  const head = nl < 0 ? raw : raw.slice(0, nl);
  const out = JSON.parse(head);
  if (typeof out !== "object" || out === null || !Array.isArray(out.ops)) throw new Error("malformed turn output from the glue");
  return nl < 0 ? { kind: "ok", out } : { kind: "ok", out, response: raw.slice(nl + 1) };
}
function unhandledRejectionError(reason, nodejs24) {
  let message;
  if (reason instanceof Error) {
    message = reason.message.startsWith("An object was thrown from supplied code within isolated-vm") ? "[object Object]" : `${reason.name}: ${reason.message}`;
  } else if (reason === void 0 && !nodejs24) {
    message = "undefined";
  } else {
    message = String(reason);
  }
  const type = "Runtime.UnhandledPromiseRejection";
  return {
    errorType: type,
    errorMessage: message,
    trace: [
      `${type}: ${message}`,
      "    at process.<anonymous> (file:///var/runtime/index.mjs:1276:17)",
      "    at process.emit (node:events:519:28)",
      "    at emitUnhandledRejection (node:internal/process/promises:250:13)",
      "    at throwUnhandledRejectionsMode (node:internal/process/promises:385:19)",
      "    at processPromiseRejections (node:internal/process/promises:470:17)",
      "    at process.processTicksAndRejections (node:internal/process/task_queues:96:32)"
    ]
  };
}

// s2.ts
var glue = new GlueProgram(await bundleGlue("/work/main/sandbox/runtime/isolate/entry.ts"));
var mk = (files, extra = {}) => new ExecutionEnvironment({
  environmentId: "e1",
  logStreamId: "a".repeat(32),
  functionName: "hello",
  runtime: "nodejs24.x",
  handler: "index.handler",
  files,
  memorySizeMB: 128,
  timeoutSeconds: 3,
  variables: {},
  logFormat: "Text",
  applicationLogLevel: "INFO",
  architecture: "x86_64",
  region: "us-east-1",
  accountId: "123456789012",
  ...extra
}, glue, { heapCapMB: 2048 });
var fast = mk([{ path: "index.mjs", content: `export const handler = async (e) => ({ ok: e.name });` }]);
var r = await fast.invoke({ requestId: "w", event: '{"name":"x"}' });
console.log(r.logs);
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  r = await fast.invoke({ requestId: "x" + i, event: '{"name":"x"}' });
  console.log("invoke ms", (performance.now() - t0).toFixed(3), r.response);
}
process.exit(0);

// A function as a file: a `.zip` deployment package (its files at the zip root) or an AWS SAM
// project (template.yaml + the code folder), and back. Pure: bytes in, bytes out; the caller
// stores the result. The lab stores text files only, so binary files are refused by name.
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import {
  FunctionConfigChanges, FunctionFile, LabError, MAX_FILE_CHARS, MAX_FUNCTION_FILES, RUNTIMES, UNZIPPED_CODE_BYTES, ZIP_UPLOAD_BYTES,
  type FunctionConfig,
} from '../api/index.ts';

export interface ArchivedFunction {
  name: string;
  description: string;
  config: FunctionConfig;
  files: readonly FunctionFile[];
}

export interface ReadArchive {
  /** From the template (FunctionName, else the logical id) or the zip's file name; undefined if neither is a valid name. */
  name: string | undefined;
  description: string | undefined;
  config: FunctionConfigChanges;
  files: FunctionFile[];
  /** What could not be carried over, for the learner. */
  warnings: string[];
}

const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const HANDLER_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts'] as const;
const TEMPLATE_NAMES = ['template.yaml', 'template.yml', 'template.json'] as const;
const MB = 1024 * 1024;

// ── export ───────────────────────────────────────────────────────────────────────────────────

/** A Lambda deployment package: the function's files at the zip root. */
export function functionZip(fn: ArchivedFunction, mtime: Date): Uint8Array {
  const entries: Zippable = {};
  for (const f of fn.files) entries[f.path] = [new TextEncoder().encode(f.content), { mtime: zipTime(mtime) }];
  return zipSync(entries, { level: 6, mtime: zipTime(mtime) });
}

/** An AWS SAM project: `template.yaml` and the code in `src/<name>/`. */
export function samProjectZip(fn: ArchivedFunction, mtime: Date): Uint8Array {
  const entries: Zippable = { 'template.yaml': [new TextEncoder().encode(samTemplate(fn)), { mtime: zipTime(mtime) }] };
  for (const f of fn.files) entries[`${samCodeDir(fn.name)}/${f.path}`] = [new TextEncoder().encode(f.content), { mtime: zipTime(mtime) }];
  return zipSync(entries, { level: 6, mtime: zipTime(mtime) });
}

export function samCodeDir(name: string): string {
  return `src/${name}`;
}

/** The SAM template of one function, as `sam deploy` expects it (after `sam build`). */
export function samTemplate(fn: ArchivedFunction): string {
  const c = fn.config;
  const properties: Record<string, unknown> = {
    FunctionName: fn.name,
    ...(fn.description !== '' ? { Description: fn.description } : {}),
    CodeUri: `${samCodeDir(fn.name)}/`,
    Handler: c.handler,
    Runtime: c.runtime,
    Architectures: [c.architecture],
    MemorySize: c.memorySizeMB,
    Timeout: c.timeoutSeconds,
    EphemeralStorage: { Size: c.ephemeralStorageMB },
    ...(Object.keys(c.environment).length > 0 ? { Environment: { Variables: { ...c.environment } } } : {}),
    // Lambda accepts log levels only with the JSON log format.
    ...(c.logFormat === 'JSON'
      ? { LoggingConfig: { LogFormat: 'JSON', ApplicationLogLevel: c.applicationLogLevel, SystemLogLevel: c.systemLogLevel } }
      : {}),
  };
  const handlerFile = handlerModuleFile(c.handler, fn.files);
  const resource: Record<string, unknown> = { Type: 'AWS::Serverless::Function', Properties: properties };
  if (handlerFile !== undefined && /\.[mc]?ts$/.test(handlerFile)) {
    // TypeScript: `sam build` bundles it with esbuild (Lambda runs JavaScript only).
    resource['Metadata'] = {
      BuildMethod: 'esbuild',
      BuildProperties: { EntryPoints: [handlerFile], Target: 'es2022', Minify: false, Sourcemap: true },
    };
  }
  const template = {
    AWSTemplateFormatVersion: '2010-09-09',
    Transform: 'AWS::Serverless-2016-10-31',
    Description: `${fn.name} (exported from Lambda Lab)`,
    Resources: { [logicalIdFor(fn.name)]: resource },
  };
  // YAML 1.1 quoting: SAM CLI and CloudFormation read YAML 1.1, where `2010-09-09` is a date and
  // `yes`, `on`, `0123` are not strings.
  return `# AWS SAM template exported from Lambda Lab. Deploy with: sam build && sam deploy --guided\n${stringifyYaml(template, { version: '1.1', lineWidth: 0 })}`;
}

/** CloudFormation logical ids are alphanumeric: `my-fn_2` → `MyFn2Function`. */
export function logicalIdFor(name: string): string {
  const pascal = name
    .split(/[^A-Za-z0-9]+/)
    .filter((p) => p !== '')
    .map((p) => p[0]?.toUpperCase() + p.slice(1))
    .join('');
  return `${pascal}Function`;
}

/** DOS time in zip headers covers 1980–2099. */
function zipTime(d: Date): Date {
  const t = d.getTime();
  return new Date(Math.min(Math.max(t, Date.UTC(1980, 0, 2)), Date.UTC(2099, 11, 31)));
}

// ── import ───────────────────────────────────────────────────────────────────────────────────

/** Reads a `.zip` (plain, or a SAM project when it holds template.yaml) into a function to create. */
export function readFunctionArchive(fileName: string, bytes: Uint8Array): ReadArchive {
  if (bytes.length > ZIP_UPLOAD_BYTES) {
    throw new LabError('payload-too-large', `${fileName} is ${(bytes.length / MB).toFixed(1)} MB: Lambda accepts a zip of at most 50 MB (${ZIP_UPLOAD_BYTES} bytes) for a direct upload`);
  }
  const entries = unzipText(fileName, bytes);
  const root = projectRoot(entries);
  if (root !== undefined) return readSamProject(fileName, entries, root);
  return readPlainZip(fileName, entries);
}

interface TextEntry {
  path: string;
  content: string;
}

/** Junk that archivers add; skipped silently. */
function isJunk(path: string): boolean {
  return path.startsWith('__MACOSX/') || /(^|\/)(\.DS_Store|Thumbs\.db|desktop\.ini)$/.test(path);
}

function unzipText(fileName: string, bytes: Uint8Array): TextEntry[] {
  const magic = bytes.length >= 4 ? String.fromCharCode(bytes[0] as number, bytes[1] as number, bytes[2] as number, bytes[3] as number) : '';
  if (magic !== 'PK\x03\x04' && magic !== 'PK\x05\x06') {
    throw new LabError('bad-request', `${fileName} is not a zip archive`);
  }
  let declared = 0;
  let raw: Record<string, Uint8Array>;
  try {
    raw = unzipSync(bytes, {
      filter(file) {
        checkEntryName(fileName, file.name);
        if (file.name.endsWith('/') || isJunk(file.name)) return false;
        declared += file.originalSize;
        if (declared > UNZIPPED_CODE_BYTES) throw tooBigUnzipped(fileName);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof LabError) throw e;
    throw new LabError('bad-request', `${fileName} could not be read as a zip archive: ${(e as Error).message}`);
  }
  let total = 0;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const out: TextEntry[] = [];
  for (const [name, data] of Object.entries(raw)) {
    total += data.length;
    if (total > UNZIPPED_CODE_BYTES) throw tooBigUnzipped(fileName);
    const path = normalizeEntry(name);
    let content: string;
    try {
      if (data.includes(0)) throw new Error('NUL byte');
      content = decoder.decode(data);
    } catch {
      throw new LabError('bad-request', `${path} in ${fileName} is a binary file: the lab stores text files only (JavaScript, TypeScript, JSON, ...)`, { file: path });
    }
    out.push({ path, content });
  }
  const seen = new Set<string>();
  for (const e of out) {
    if (seen.has(e.path)) throw new LabError('bad-request', `${fileName} holds ${e.path} twice`, { file: e.path });
    seen.add(e.path);
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function tooBigUnzipped(fileName: string): LabError {
  return new LabError('payload-too-large', `${fileName} unzips to more than 250 MB (${UNZIPPED_CODE_BYTES} bytes), Lambda's limit for a function's code`);
}

/** Refuses entries that would land outside the folder they are extracted to ("zip slip"). */
function checkEntryName(fileName: string, name: string): void {
  const segments = name.split(/[/\\]/);
  if (name.startsWith('/') || name.startsWith('\\') || /^[A-Za-z]:/.test(name) || segments.includes('..') || name.includes('\0')) {
    throw new LabError('bad-request', `${fileName} was refused: its entry "${name}" points outside the archive's folder (an absolute path or ".."), which is how "zip slip" attacks overwrite files`, { entry: name });
  }
}

/** `./a//b\\c.js` → `a/b/c.js` (some Windows archivers write backslashes). */
function normalizeEntry(name: string): string {
  return name
    .split(/[/\\]/)
    .filter((s) => s !== '' && s !== '.')
    .join('/');
}

/** The folder holding template.yaml: the zip root, or its single top-level folder. */
function projectRoot(entries: readonly TextEntry[]): string | undefined {
  for (const t of TEMPLATE_NAMES) if (entries.some((e) => e.path === t)) return '';
  const tops = new Set(entries.map((e) => (e.path.includes('/') ? e.path.slice(0, e.path.indexOf('/')) : '')));
  const [only] = [...tops];
  if (tops.size === 1 && only !== undefined && only !== '') {
    for (const t of TEMPLATE_NAMES) if (entries.some((e) => e.path === `${only}/${t}`)) return `${only}/`;
  }
  return undefined;
}

function readPlainZip(fileName: string, entries: readonly TextEntry[]): ReadArchive {
  const files = checkedFiles(fileName, entries);
  const warnings: string[] = [];
  const rootCode = files.map((f) => f.path).filter((p) => !p.includes('/') && HANDLER_EXTENSIONS.some((x) => p.endsWith(x)));
  let handler: string;
  const index = HANDLER_EXTENSIONS.map((x) => `index${x}`).find((p) => rootCode.includes(p));
  if (index !== undefined) handler = 'index.handler';
  else if (rootCode.length > 0) {
    const first = rootCode[0] as string;
    handler = `${first.slice(0, first.lastIndexOf('.'))}.handler`;
    warnings.push(`There is no index file at the zip root: the handler was set to ${handler}. Change it in the settings if another file holds the handler.`);
  } else {
    const tops = new Set(files.map((f) => f.path.split('/')[0]));
    const [only] = [...tops];
    if (tops.size === 1 && only !== undefined && files.every((f) => f.path.includes('/'))) {
      throw new LabError('bad-request', `No handler file at the root of ${fileName}: its files are inside the folder ${only}/. Lambda expects the handler file at the zip root: zip the folder's contents, not the folder.`);
    }
    throw new LabError('bad-request', `No handler file in ${fileName}: Lambda needs a .js, .mjs, .cjs or .ts file at the zip root (such as index.mjs with an exported handler)`);
  }
  const base = fileName.replace(/^.*[/\\]/, '').replace(/\.zip$/i, '');
  const name = sanitizeName(base);
  return { name, description: undefined, config: { handler }, files, warnings };
}

function sanitizeName(base: string): string | undefined {
  const cleaned = base.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64);
  return FUNCTION_NAME.test(cleaned) ? cleaned : undefined;
}

/** Files as the lab keeps them: text, at most 200, each at most 3 MB, valid relative paths. */
function checkedFiles(fileName: string, entries: readonly TextEntry[]): FunctionFile[] {
  if (entries.length === 0) throw new LabError('bad-request', `${fileName} holds no files`);
  if (entries.length > MAX_FUNCTION_FILES) {
    throw new LabError('bad-request', `${fileName} holds ${entries.length} files; a function in the lab may have at most ${MAX_FUNCTION_FILES} (leave node_modules out)`);
  }
  for (const e of entries) {
    if (e.content.length > MAX_FILE_CHARS) throw new LabError('payload-too-large', `${e.path} in ${fileName} is larger than 3 MB, the most the lab's editor holds per file`, { file: e.path });
    const checked = FunctionFile.safeParse(e);
    if (!checked.success) throw new LabError('bad-request', `${e.path.slice(0, 80)} in ${fileName}: ${checked.error.issues[0]?.message ?? 'invalid file'}`, { file: e.path });
  }
  return entries.map((e) => ({ path: e.path, content: e.content }));
}

// ── SAM templates ────────────────────────────────────────────────────────────────────────────

/** CloudFormation's short-form intrinsic functions (`!Ref X`, `!Sub ...`), read as their long form. */
const INTRINSICS = ['Ref', 'Condition', 'Base64', 'Cidr', 'FindInMap', 'GetAtt', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub', 'Transform', 'And', 'Equals', 'If', 'Not', 'Or'];
const CFN_TAGS = INTRINSICS.flatMap((fn) => {
  const key = fn === 'Ref' || fn === 'Condition' ? fn : `Fn::${fn}`;
  const wrap = (v: unknown): unknown => ({ [key]: fn === 'GetAtt' && typeof v === 'string' ? v.split('.') : v });
  return [
    { tag: `!${fn}`, resolve: (v: string) => wrap(v) },
    { tag: `!${fn}`, collection: 'seq' as const, resolve: (v: { toJSON(): unknown }) => wrap(v.toJSON()) },
    { tag: `!${fn}`, collection: 'map' as const, resolve: (v: { toJSON(): unknown }) => wrap(v.toJSON()) },
  ];
});

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Properties the lab maps; any other property of the function is reported as ignored. */
const MAPPED = new Set(['FunctionName', 'Description', 'CodeUri', 'InlineCode', 'Code', 'Handler', 'Runtime', 'Architectures', 'MemorySize', 'Timeout', 'EphemeralStorage', 'Environment', 'LoggingConfig', 'PackageType']);

function readSamProject(fileName: string, entries: readonly TextEntry[], root: string): ReadArchive {
  const inRoot = entries.filter((e) => e.path.startsWith(root)).map((e) => ({ path: e.path.slice(root.length), content: e.content }));
  const templateEntry = TEMPLATE_NAMES.map((t) => inRoot.find((e) => e.path === t)).find((e) => e !== undefined) as TextEntry;
  const where = `${root}${templateEntry.path}`;
  let doc: unknown;
  try {
    // YAML 1.1, as CloudFormation and SAM read it (`Flag: yes` is the boolean true).
    doc = parseYaml(templateEntry.content, { version: '1.1', customTags: CFN_TAGS, prettyErrors: true, uniqueKeys: false }) as unknown;
  } catch (e) {
    throw new LabError('bad-request', `${where} in ${fileName} is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  if (!isObject(doc) || !isObject(doc['Resources'])) throw new LabError('bad-request', `${where} has no Resources section`);
  const functions = Object.entries(doc['Resources']).filter(
    (r): r is [string, Json] => isObject(r[1]) && (r[1]['Type'] === 'AWS::Serverless::Function' || r[1]['Type'] === 'AWS::Lambda::Function'),
  );
  const first = functions[0];
  if (first === undefined) throw new LabError('bad-request', `${where} defines no AWS::Serverless::Function or AWS::Lambda::Function resource`);
  const [logicalId, resource] = first;
  const warnings: string[] = [];
  if (functions.length > 1) {
    warnings.push(`${where} defines ${functions.length} functions (${functions.map(([id]) => id).join(', ')}); only the first, ${logicalId}, was imported.`);
  }
  const serverless = resource['Type'] === 'AWS::Serverless::Function';
  const globals = serverless && isObject(doc['Globals']) && isObject(doc['Globals']['Function']) ? doc['Globals']['Function'] : {};
  const props: Json = { ...globals, ...(isObject(resource['Properties']) ? resource['Properties'] : {}) };
  const parameters = isObject(doc['Parameters']) ? doc['Parameters'] : {};
  const value = (prop: string, v: unknown): unknown => {
    if (isObject(v) && typeof v['Ref'] === 'string' && Object.keys(v).length === 1) {
      const p = parameters[v['Ref']];
      if (isObject(p) && p['Default'] !== undefined) return p['Default'];
      warnings.push(`${prop} refers to ${v['Ref']}, which has no default value: the lab's default was used.`);
      return undefined;
    }
    if (isObject(v) && Object.keys(v).some((k) => k.startsWith('Fn::'))) {
      warnings.push(`${prop} uses ${Object.keys(v)[0]}, which the lab cannot evaluate: the lab's default was used.`);
      return undefined;
    }
    return v;
  };
  const get = (prop: string): unknown => (props[prop] === undefined ? undefined : value(prop, props[prop]));

  if (get('PackageType') === 'Image') throw new LabError('bad-request', `${logicalId} is a container image function (PackageType: Image); the lab runs .zip functions only`);
  const ignored = Object.keys(props).filter((k) => !MAPPED.has(k));
  if (ignored.length > 0) warnings.push(`The lab ignored these properties of ${logicalId}: ${ignored.join(', ')}.`);

  const config: Json = {};
  const fieldOf: Record<string, string> = {};
  const map = (prop: string, field: string, v: unknown): void => {
    if (v === undefined) return;
    // CloudFormation also accepts numbers written as strings ("256").
    config[field] = typeof v === 'string' && /^\d+$/.test(v) && ['memorySizeMB', 'timeoutSeconds', 'ephemeralStorageMB'].includes(field) ? Number(v) : v;
    fieldOf[field] = prop;
  };
  const runtime = get('Runtime');
  if (typeof runtime === 'string') {
    if ((RUNTIMES as readonly string[]).includes(runtime)) map('Runtime', 'runtime', runtime);
    else if (runtime.startsWith('nodejs')) warnings.push(`Runtime ${runtime} is not offered by the lab; the function uses ${RUNTIMES[RUNTIMES.length - 1]} instead.`);
    else throw new LabError('bad-request', `${logicalId} uses the runtime ${runtime}; the lab runs Node.js functions only (${RUNTIMES.join(', ')})`);
  }
  map('Handler', 'handler', get('Handler'));
  map('MemorySize', 'memorySizeMB', get('MemorySize'));
  map('Timeout', 'timeoutSeconds', get('Timeout'));
  const architectures = get('Architectures');
  if (Array.isArray(architectures)) map('Architectures', 'architecture', value('Architectures', architectures[0]));
  const storage = get('EphemeralStorage');
  if (isObject(storage)) map('EphemeralStorage.Size', 'ephemeralStorageMB', value('EphemeralStorage.Size', storage['Size']));
  const environment = get('Environment');
  if (isObject(environment) && isObject(environment['Variables'])) {
    const vars: Record<string, string> = {};
    for (const [k, v] of Object.entries(environment['Variables'])) {
      const resolved = value(`Environment variable ${k}`, v);
      if (resolved === undefined) continue;
      if (isObject(resolved) || Array.isArray(resolved)) warnings.push(`Environment variable ${k} is not a plain value and was left out.`);
      else vars[k] = String(resolved);
    }
    map('Environment.Variables', 'environment', vars);
  }
  const logging = get('LoggingConfig');
  if (isObject(logging)) {
    map('LoggingConfig.LogFormat', 'logFormat', value('LoggingConfig.LogFormat', logging['LogFormat']));
    map('LoggingConfig.ApplicationLogLevel', 'applicationLogLevel', value('LoggingConfig.ApplicationLogLevel', logging['ApplicationLogLevel']));
    map('LoggingConfig.SystemLogLevel', 'systemLogLevel', value('LoggingConfig.SystemLogLevel', logging['SystemLogLevel']));
  }
  const parsed = FunctionConfigChanges.safeParse(config);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? '');
    throw new LabError('bad-request', `${where}: ${fieldOf[field] ?? field}: ${issue?.message ?? 'invalid value'}`, parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
  if (parsed.data.handler === undefined) {
    parsed.data.handler = 'index.handler';
    warnings.push(`${logicalId} has no Handler: index.handler was used.`);
  }

  const files = codeFiles(fileName, where, logicalId, serverless, props, inRoot, templateEntry.path, value);
  const handlerFile = handlerModuleFile(parsed.data.handler, files);
  if (handlerFile === undefined) {
    const { dir, module } = handlerParts(parsed.data.handler);
    throw new LabError('bad-request', `No handler file: the handler ${parsed.data.handler} needs ${dir}${module}.js, .mjs, .cjs or .ts in the code folder of ${logicalId}, which holds ${files.map((f) => f.path).slice(0, 10).join(', ')}${files.length > 10 ? ', …' : ''}`);
  }
  const templateName = get('FunctionName');
  const description = get('Description');
  return {
    name: typeof templateName === 'string' && FUNCTION_NAME.test(templateName) ? templateName : FUNCTION_NAME.test(logicalId) ? logicalId : undefined,
    description: typeof description === 'string' ? description : undefined,
    config: parsed.data,
    files,
    warnings,
  };
}

function codeFiles(
  fileName: string, where: string, logicalId: string, serverless: boolean, props: Json, inRoot: readonly TextEntry[], templatePath: string,
  value: (prop: string, v: unknown) => unknown,
): FunctionFile[] {
  const inline = serverless ? value('InlineCode', props['InlineCode']) : isObject(props['Code']) ? value('Code.ZipFile', props['Code']['ZipFile']) : undefined;
  // Inline code becomes index.js, as Lambda does for Node.js.
  if (typeof inline === 'string') return [{ path: 'index.js', content: inline }];
  const prop = serverless ? 'CodeUri' : 'Code';
  const uri = value(prop, props[prop]);
  if (uri !== undefined && typeof uri !== 'string') {
    throw new LabError('bad-request', `${logicalId}'s ${prop} points at Amazon S3; the lab needs the code folder inside the archive`);
  }
  const codeUri = uri ?? '.';
  if (/^s3:\/\//i.test(codeUri)) throw new LabError('bad-request', `${logicalId}'s ${prop} is ${codeUri}, in Amazon S3; the lab needs the code folder inside the archive`);
  if (/\.(zip|jar)$/i.test(codeUri)) throw new LabError('bad-request', `${logicalId}'s ${prop} is a packaged file (${codeUri}); the lab needs the code folder inside the archive`);
  checkEntryName(fileName, codeUri);
  const dir = normalizeEntry(codeUri.replace(/^\.\//, ''));
  const prefix = dir === '' ? '' : `${dir}/`;
  const selected = inRoot
    .filter((e) => e.path.startsWith(prefix))
    .map((e) => ({ path: e.path.slice(prefix.length), content: e.content }))
    .filter((e) => prefix !== '' || !(e.path === templatePath || /^samconfig\.(toml|ya?ml)$/.test(e.path) || e.path.startsWith('.aws-sam/')));
  if (selected.length === 0) throw new LabError('bad-request', `The code folder ${dir === '' ? '.' : `${dir}/`} that ${where} names in ${logicalId}'s ${prop} is missing from ${fileName}, or empty`);
  return checkedFiles(fileName, selected);
}

function handlerParts(handler: string): { dir: string; module: string } {
  const slash = handler.lastIndexOf('/');
  const base = handler.slice(slash + 1);
  const dot = base.indexOf('.');
  return { dir: handler.slice(0, slash + 1), module: dot < 0 ? base : base.slice(0, dot) };
}

/** The file a handler string loads (`src/app.handler` → `src/app.mjs`), as the Node.js runtime looks for it. */
export function handlerModuleFile(handler: string, files: readonly FunctionFile[]): string | undefined {
  const { dir, module } = handlerParts(handler);
  const paths = new Set(files.map((f) => f.path));
  const base = `${dir}${module}`.replace(/^\.\//, '');
  for (const ext of ['', ...HANDLER_EXTENSIONS]) if (paths.has(base + ext)) return base + ext;
  return undefined;
}

// `lambda-lab`: invoke a handler file the way the app does, or start the lab in a browser.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import {
  EPHEMERAL_STORAGE_MB, LOG_FORMATS, LabError, MEMORY_MB, RUNTIMES, TIMEOUT_S, type FunctionFile, type InvocationRecord,
  type LogFormat, type RuntimeId,
} from '../api/index.ts';
import { LESSONS_DIR, createLab } from '../lab.ts';
import { ContentError, type LessonContent, loadLessonContent } from '../service/lessons/content.ts';
import { formatVerifyResult, verifyLesson, type LessonVerifyResult } from '../service/lessons/verify.ts';
import { defaultDataDir } from './data-dir.ts';
import { PACKAGE_ROOT, assertEngineBuilt, enginePaths } from './paths.ts';
import { startServer } from './server.ts';

/** A mistake in how the command was called: printed as one line, exit code 2. */
class UsageError extends Error {}

const USAGE = `Usage:
  lambda-lab invoke <file|dir> [--handler <module>.<export>] [--event <file|json|->]
                    [--runtime nodejs20.x|nodejs22.x|nodejs24.x] [--timeout <s>] [--memory <MB>]
                    [--ephemeral-storage <MB>] [--log-format Text|JSON] [--env KEY=VALUE ...]
                    [--repeat <n>] [--json]
  lambda-lab serve [--port <n>] [--data-dir <dir>] [--no-open]
  lambda-lab lessons list [--json] [--dir <lessons folder>]
  lambda-lab lessons verify [<lesson id> ...] [--json] [--dir <lessons folder>]
  lambda-lab --version | --help`;

function version(): string {
  try {
    return (JSON.parse(readFileSync(resolve(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

function intOption(value: string | undefined, name: string, range: { min: number; max: number }, unit: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < range.min || n > range.max) {
    throw new UsageError(`--${name} must be a whole number of ${unit} from ${range.min} to ${range.max} (got "${value}")`);
  }
  return n;
}

function readStdin(): Promise<string> {
  return new Promise((resolveText, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c));
    process.stdin.on('end', () => resolveText(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

/** `--event`: `-` (stdin), inline JSON, or a file holding JSON. Default `{}`. */
async function readEvent(value: string | undefined): Promise<string> {
  if (value === undefined) return '{}';
  let text: string;
  let source: string;
  if (value === '-') {
    text = await readStdin();
    source = 'standard input';
  } else if (existsSync(value) && statSync(value).isFile()) {
    text = readFileSync(value, 'utf8');
    source = value;
  } else {
    text = value;
    source = '--event';
  }
  try {
    JSON.parse(text);
  } catch (e) {
    throw new UsageError(`The event from ${source} is not valid JSON: ${(e as Error).message}`);
  }
  return text;
}

function parseEnv(pairs: readonly string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--env takes KEY=VALUE (got "${pair}")`);
    env[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return env;
}

function functionNameFor(path: string): string {
  const base = basename(path, extname(path)).replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 64);
  return base === '' ? 'function' : base;
}

function choice<T extends string>(value: string | undefined, name: string, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

/** Lambda's limit on a function's unzipped code: 250 MB. */
const MAX_CODE_BYTES = 250 * 1024 * 1024;

/** A directory is the function's whole file tree (what would be zipped and deployed). */
function readTree(dir: string): FunctionFile[] {
  const files: FunctionFile[] = [];
  let total = 0;
  const visit = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.name === '.git' || entry.name === '.DS_Store') continue;
      const full = join(d, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile()) {
        const content = readFileSync(full, 'utf8');
        total += Buffer.byteLength(content);
        if (total > MAX_CODE_BYTES) throw new UsageError(`${dir} holds more than 250 MB, Lambda's limit for unzipped code`);
        files.push({ path: relative(dir, full).split(sep).join('/'), content });
      }
    }
  };
  visit(dir);
  if (files.length === 0) throw new UsageError(`${dir} has no files`);
  return files;
}

async function invokeCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      handler: { type: 'string' },
      event: { type: 'string' },
      runtime: { type: 'string' },
      timeout: { type: 'string' },
      memory: { type: 'string' },
      'ephemeral-storage': { type: 'string' },
      'log-format': { type: 'string' },
      env: { type: 'string', multiple: true },
      repeat: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const target = positionals[0];
  if (target === undefined) throw new UsageError('invoke needs the handler file (or folder) to run, e.g. `lambda-lab invoke index.mjs`');
  if (positionals.length > 1) throw new UsageError(`invoke takes one file or folder, got ${positionals.length}: ${positionals.join(' ')}`);
  if (!existsSync(target)) throw new UsageError(`No such file or folder: ${target}`);
  const isDir = statSync(target).isDirectory();
  const files = isDir ? readTree(target) : [{ path: basename(target), content: readFileSync(target, 'utf8') }];
  const handler = values.handler ?? (isDir ? 'index.handler' : `${basename(target, extname(target))}.handler`);
  const runtime = choice<RuntimeId>(values.runtime, 'runtime', RUNTIMES);
  const logFormat = choice<LogFormat>(values['log-format'], 'log-format', LOG_FORMATS);
  const timeoutSeconds = intOption(values.timeout, 'timeout', TIMEOUT_S, 'seconds');
  const memorySizeMB = intOption(values.memory, 'memory', MEMORY_MB, 'MB');
  const ephemeralStorageMB = intOption(values['ephemeral-storage'], 'ephemeral-storage', EPHEMERAL_STORAGE_MB, 'MB');
  const repeat = intOption(values.repeat, 'repeat', { min: 1, max: 100_000 }, 'invocations');
  const environment = parseEnv(values.env ?? []);
  const event = await readEvent(values.event);

  assertEngineBuilt();
  const lab = await createLab({ dataDir: null, version: version(), seed: false });
  try {
    const name = functionNameFor(isDir ? resolve(target) : target);
    try {
      await lab.api['functions:create']({
        name,
        description: '',
        config: {
          handler,
          environment,
          ...(runtime !== undefined ? { runtime } : {}),
          ...(logFormat !== undefined ? { logFormat } : {}),
          ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
          ...(memorySizeMB !== undefined ? { memorySizeMB } : {}),
          ...(ephemeralStorageMB !== undefined ? { ephemeralStorageMB } : {}),
        },
        files,
      });
    } catch (e) {
      if (e instanceof LabError) throw new UsageError(e.message);
      throw e;
    }
    const records: InvocationRecord[] = [];
    for (let i = 0; i < (repeat ?? 1); i++) {
      const record = await lab.api['invoke:run']({ functionName: name, event });
      records.push(record);
      if (values.json !== true) printLikeSam(record);
    }
    if (values.json === true) {
      const out = repeat === undefined ? jsonResult(records[0] as InvocationRecord) : records.map(jsonResult);
      process.stdout.write(`${JSON.stringify(out)}\n`);
    }
    return 0;
  } finally {
    await lab.close();
  }
}

/** The one JSON object `invoke --json` prints. */
export function jsonResult(r: InvocationRecord): Record<string, unknown> {
  return {
    requestId: r.requestId,
    status: r.status,
    ...(r.response !== undefined ? { response: JSON.parse(r.response) as unknown } : {}),
    ...(r.error !== undefined ? { error: r.error } : {}),
    logs: r.logs,
    durationMs: r.durationMs,
    billedDurationMs: r.billedDurationMs,
    ...(r.initDurationMs !== undefined ? { initDurationMs: r.initDurationMs } : {}),
    memorySizeMB: r.memorySizeMB,
    maxMemoryUsedMB: r.maxMemoryUsedMB,
    runtime: r.runtime,
    coldStart: r.coldStart,
    environmentId: r.environmentId,
  };
}

/** Like `sam local invoke`: the log on stderr, then the response (or error) JSON on stdout. */
function printLikeSam(r: InvocationRecord): void {
  process.stderr.write(`${r.logs.replace(/\r/g, '\n')}\n`);
  if (r.response !== undefined) process.stdout.write(`${r.response}\n`);
  else if (r.error !== undefined) {
    const body = r.error.trace.length > 0 || r.error.errorType !== 'Sandbox.Timedout' ? r.error : { errorType: r.error.errorType, errorMessage: r.error.errorMessage };
    process.stdout.write(`${JSON.stringify(body)}\n`);
  }
}

function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No browser opener on this machine: the printed URL is enough.
  }
}

async function serveCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'no-open': { type: 'boolean' },
    },
  });
  const port = values.port === undefined ? 0 : intOption(values.port, 'port', { min: 0, max: 65_535 }, 'port number') ?? 0;
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  assertEngineBuilt();
  const lab = await createLab({
    dataDir,
    version: version(),
    onRunnerRespawn: (reason) => process.stderr.write(`lambda-lab: the function runner was restarted (${reason})\n`),
  });
  if (lab.recoveredFrom !== undefined) {
    process.stderr.write(`lambda-lab: the lab database could not be read; it was kept as ${lab.recoveredFrom} and a new one was created\n`);
  }
  const token = randomBytes(24).toString('hex');
  const server = await startServer({ lab, token, port, staticDir: enginePaths.rendererDir });
  const url = `${server.url}?token=${token}`;
  process.stdout.write(`Lambda Lab running at ${url}\n`);
  if (values['no-open'] !== true) openBrowser(url);
  await new Promise<void>((resolveStop) => {
    const stop = (): void => resolveStop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  await lab.close();
  return 0;
}

/** The lesson content of --dir (default: the package's lessons/); a broken one prints its problems. */
function loadContentOrReport(dir: string | undefined): LessonContent | undefined {
  try {
    return loadLessonContent(resolve(dir ?? LESSONS_DIR));
  } catch (e) {
    if (e instanceof ContentError) {
      process.stderr.write(`lambda-lab: ${e.message}\n`);
      return undefined;
    }
    throw e;
  }
}

/** `lessons list`: every lesson with its step and question counts, and the bank's size by tag. */
function lessonsList(content: LessonContent, json: boolean): number {
  const questions = [...content.questions.values()];
  const lessons = content.lessons.map((l) => ({
    id: l.lesson.id,
    title: l.lesson.title,
    steps: l.lesson.steps.length,
    /** Questions of the bank tagged for this lesson. */
    questions: questions.filter((q) => q.tags.includes(`lesson:${l.lesson.id}`)).length,
    /** Questions of the lesson's end quiz. */
    quiz: l.lesson.quiz.length,
  }));
  const byTag: Record<string, number> = {};
  for (const q of questions) for (const t of q.tags) byTag[t] = (byTag[t] ?? 0) + 1;
  const sortedByTag = Object.fromEntries(Object.entries(byTag).sort(([a], [b]) => a.localeCompare(b)));
  if (json) {
    process.stdout.write(`${JSON.stringify({ lessons, quizBank: { total: questions.length, byTag: sortedByTag } }, null, 2)}\n`);
    return 0;
  }
  for (const l of lessons) process.stdout.write(`${l.id.padEnd(16)} ${l.title.padEnd(40)} ${String(l.steps).padStart(2)} steps  ${String(l.questions).padStart(2)} questions\n`);
  process.stdout.write(`\nQuestion bank: ${questions.length} questions\n`);
  for (const [tag, n] of Object.entries(sortedByTag)) process.stdout.write(`  ${tag.padEnd(26)} ${n}\n`);
  return 0;
}

/** `lessons verify`: each lesson's starter and reference solution through the real engine. */
async function lessonsVerify(content: LessonContent, ids: string[], json: boolean, dir: string | undefined): Promise<number> {
  const unknown = ids.filter((id) => !content.lessons.some((l) => l.lesson.id === id || l.folder === id));
  if (unknown.length > 0) throw new UsageError(`No lesson ${unknown.join(', ')} (lessons: ${content.lessons.map((l) => l.lesson.id).join(', ')})`);
  const chosen = ids.length === 0 ? content.lessons : content.lessons.filter((l) => ids.includes(l.lesson.id) || ids.includes(l.folder));
  assertEngineBuilt();
  const started = performance.now();
  const lab = await createLab({ dataDir: null, version: version(), seed: false, lessonsDir: resolve(dir ?? LESSONS_DIR) });
  const results: LessonVerifyResult[] = [];
  try {
    for (const lesson of chosen) {
      const r = await verifyLesson({ api: lab.api, expectedAnswer: lab.lessons.expectedAnswer }, lesson, content);
      results.push(r);
      if (!json) process.stdout.write(`${formatVerifyResult(r)}\n\n`);
    }
  } finally {
    await lab.close();
  }
  const wrong = results.filter((r) => !r.ok);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (json) process.stdout.write(`${JSON.stringify({ ok: wrong.length === 0, seconds: Number(seconds), lessons: results }, null, 2)}\n`);
  else process.stdout.write(`${results.length} lesson${results.length === 1 ? '' : 's'} verified in ${seconds} s: ${results.length - wrong.length} ok, ${wrong.length} wrong${wrong.length > 0 ? ` (${wrong.map((r) => r.lessonId).join(', ')})` : ''}\n`);
  return wrong.length === 0 ? 0 : 1;
}

async function lessonsCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, dir: { type: 'string' } },
  });
  if (sub !== 'list' && sub !== 'verify') throw new UsageError(sub === undefined ? 'lessons needs a subcommand: list or verify' : `Unknown lessons subcommand "${sub}" (list or verify)`);
  if (sub === 'list' && positionals.length > 0) throw new UsageError(`lessons list takes no lesson ids (got ${positionals.join(' ')})`);
  const content = loadContentOrReport(values.dir);
  if (content === undefined) return 1;
  return sub === 'list' ? lessonsList(content, values.json === true) : await lessonsVerify(content, positionals, values.json === true, values.dir);
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'invoke':
        return await invokeCommand(rest);
      case 'serve':
        return await serveCommand(rest);
      case 'lessons':
        return await lessonsCommand(rest);
      case '--version':
      case '-v':
        process.stdout.write(`${version()}\n`);
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        process.stdout.write(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`Unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') === true) {
      process.stderr.write(`lambda-lab: ${(e as Error).message}\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`lambda-lab: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

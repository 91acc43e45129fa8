// Loads the lessons/ folder: every lesson (lesson.yaml, its Markdown text, starter, solution and
// snapshot files) and the question bank (quiz/*.yaml), validated with the schemas of sandbox/api.
// Every problem is reported with the file and the field, e.g.
// `lessons/03-cold-starts/lesson.yaml: steps[2].check.kind: Invalid discriminator value …`.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import {
  type Check, type FunctionFile, LessonFile, NUMERIC_CONFIG_FIELDS, type Question, QuestionFile, FilePath, MAX_FILE_CHARS,
} from '../../api/index.ts';

export interface LoadedLesson {
  /** The folder's number: 1, 2, … */
  order: number;
  /** e.g. `01-first-function` */
  folder: string;
  lesson: LessonFile;
  /** The Markdown text. */
  body: string;
  /** Files of each folder the lesson refers to (`starter`, `solution`, `snapshots/…`), by folder. */
  files: Map<string, FunctionFile[]>;
}

export interface LessonContent {
  lessons: LoadedLesson[];
  /** Every question of the bank, by id, in file order. */
  questions: Map<string, Question>;
}

/** The content is broken: `problems` names each file and field. */
export class ContentError extends Error {
  constructor(readonly problems: string[]) {
    super(`The lesson content has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ContentError';
  }
}

const LESSON_FOLDER = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/** `['steps', 2, 'check', 'kind']` → `steps[2].check.kind` */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? String(p) : `.${String(p)}`;
  return out === '' ? '(top level)' : out;
}

function zodProblems(file: string, error: z.ZodError): string[] {
  return error.issues.map((i) => `${file}: ${fieldPath(i.path)}: ${i.message}`);
}

/** Reads YAML; returns undefined (and records problems) when it does not parse. */
function readYaml(absPath: string, shown: string, problems: string[]): unknown {
  let text: string;
  try {
    text = readFileSync(absPath, 'utf8');
  } catch (e) {
    problems.push(`${shown}: cannot be read: ${(e as Error).message}`);
    return undefined;
  }
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const err of doc.errors) problems.push(`${shown}: ${err.message.split('\n')[0] ?? 'invalid YAML'}`);
    return undefined;
  }
  return doc.toJS({ maxAliasCount: 50 }) as unknown;
}

/** All files under a folder as function files (relative paths with `/`). */
function readFunctionFolder(absDir: string, shown: string, problems: string[]): FunctionFile[] {
  const files: FunctionFile[] = [];
  const visit = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name === '.DS_Store') continue;
      const full = join(d, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile()) {
        const path = relative(absDir, full).split(sep).join('/');
        const content = readFileSync(full, 'utf8');
        if (!FilePath.safeParse(path).success) problems.push(`${shown}/${path}: not a valid function file path`);
        else if (content.length > MAX_FILE_CHARS) problems.push(`${shown}/${path}: larger than 3 MB`);
        else files.push({ path, content });
      }
    }
  };
  visit(absDir);
  if (files.length === 0) problems.push(`${shown}: holds no files`);
  return files;
}

/** Every `function` a check refers to, with its field path. */
function checkFunctions(check: Check, path: string, out: { fn: string; path: string }[]): void {
  switch (check.kind) {
    case 'all':
    case 'any':
      check.checks.forEach((c, i) => checkFunctions(c, `${path}.checks[${i}]`, out));
      return;
    case 'not':
      checkFunctions(check.check, `${path}.check`, out);
      return;
    case 'answerEquals':
      out.push({ fn: check.expected.function, path: `${path}.expected.function` });
      return;
    case 'quizPassed':
      return;
    default:
      out.push({ fn: check.function, path: `${path}.function` });
  }
}

function hasKind(check: Check, kind: Check['kind']): boolean {
  if (check.kind === kind) return true;
  if (check.kind === 'all' || check.kind === 'any') return check.checks.some((c) => hasKind(c, kind));
  if (check.kind === 'not') return hasKind(check.check, kind);
  return false;
}

function configProblems(check: Check, path: string, shown: string, problems: string[]): void {
  if (check.kind === 'all' || check.kind === 'any') check.checks.forEach((c, i) => configProblems(c, `${path}.checks[${i}]`, shown, problems));
  if (check.kind === 'not') configProblems(check.check, `${path}.check`, shown, problems);
  if (check.kind !== 'config') return;
  const numeric = NUMERIC_CONFIG_FIELDS.includes(check.field);
  if (check.op === 'in' && !Array.isArray(check.value)) problems.push(`${shown}: ${path}.value: op "in" needs a list of values`);
  if (check.op !== 'in' && Array.isArray(check.value)) problems.push(`${shown}: ${path}.value: a list of values needs op "in"`);
  if (['gt', 'gte', 'lt', 'lte'].includes(check.op) && !numeric) problems.push(`${shown}: ${path}.op: ${check.op} compares numbers; ${check.field} is text`);
  const values = Array.isArray(check.value) ? check.value : [check.value];
  for (const v of values) {
    if (numeric !== (typeof v === 'number')) problems.push(`${shown}: ${path}.value: ${check.field} is ${numeric ? 'a number' : 'text'}, got ${JSON.stringify(v)}`);
  }
}

/** Loads and validates everything under `root` (the lessons/ folder); throws ContentError listing every problem. */
export function loadLessonContent(root: string): LessonContent {
  const problems: string[] = [];
  const rootName = basename(root);
  if (!existsSync(root)) throw new ContentError([`${rootName}: the lessons folder ${root} does not exist`]);

  // ── the question bank ──
  const questions = new Map<string, Question>();
  const questionFile = new Map<string, string>();
  const quizDir = join(root, 'quiz');
  if (!existsSync(quizDir)) problems.push(`${rootName}/quiz: the question bank folder is missing`);
  else {
    for (const name of readdirSync(quizDir).filter((n) => n.endsWith('.yaml')).sort()) {
      const shown = `${rootName}/quiz/${name}`;
      const raw = readYaml(join(quizDir, name), shown, problems);
      if (raw === undefined) continue;
      const parsed = QuestionFile.safeParse(raw);
      if (!parsed.success) {
        problems.push(...zodProblems(shown, parsed.error));
        continue;
      }
      parsed.data.questions.forEach((q, i) => {
        const first = questionFile.get(q.id);
        if (first !== undefined) problems.push(`${shown}: questions[${i}].id: ${q.id} is also used in ${first}`);
        else {
          questions.set(q.id, q);
          questionFile.set(q.id, shown);
        }
      });
    }
  }

  // ── lessons ──
  const lessons: LoadedLesson[] = [];
  const functionOwner = new Map<string, string>();
  const folders = readdirSync(root).filter((n) => statSync(join(root, n)).isDirectory() && n !== 'quiz').sort();
  for (const folder of folders) {
    const shownDir = `${rootName}/${folder}`;
    const m = LESSON_FOLDER.exec(folder);
    if (m === null) {
      problems.push(`${shownDir}: a lesson folder is named <nn>-<lesson id>, e.g. 03-cold-starts`);
      continue;
    }
    const shown = `${shownDir}/lesson.yaml`;
    const dir = join(root, folder);
    if (!existsSync(join(dir, 'lesson.yaml'))) {
      problems.push(`${shown}: missing`);
      continue;
    }
    const raw = readYaml(join(dir, 'lesson.yaml'), shown, problems);
    if (raw === undefined) continue;
    const parsed = LessonFile.safeParse(raw);
    if (!parsed.success) {
      problems.push(...zodProblems(shown, parsed.error));
      continue;
    }
    const lesson = parsed.data;
    const before = problems.length;
    if (lesson.id !== m[2]) problems.push(`${shown}: id: "${lesson.id}" must match the folder name (${m[2]})`);
    let body = '';
    if (!existsSync(join(dir, lesson.body))) problems.push(`${shown}: body: ${shownDir}/${lesson.body} does not exist`);
    else body = readFileSync(join(dir, lesson.body), 'utf8');

    const names = lesson.functions.map((f) => f.name);
    const files = new Map<string, FunctionFile[]>();
    const loadFolder = (rel: string, field: string): void => {
      if (files.has(rel)) return;
      const abs = join(dir, ...rel.split('/'));
      if (!existsSync(abs) || !statSync(abs).isDirectory()) {
        problems.push(`${shown}: ${field}: the folder ${shownDir}/${rel} does not exist`);
        return;
      }
      files.set(rel, readFunctionFolder(abs, `${shownDir}/${rel}`, problems));
    };
    lesson.functions.forEach((f, i) => {
      if (names.indexOf(f.name) !== i) problems.push(`${shown}: functions[${i}].name: ${f.name} appears twice`);
      const owner = functionOwner.get(f.name);
      if (owner !== undefined) problems.push(`${shown}: functions[${i}].name: ${f.name} is also a function of lesson ${owner}; each lesson needs its own`);
      functionOwner.set(f.name, lesson.id);
      loadFolder(f.starter, `functions[${i}].starter`);
      loadFolder(f.solution, `functions[${i}].solution`);
    });

    const stepIds = lesson.steps.map((s) => s.id);
    lesson.steps.forEach((step, i) => {
      const path = `steps[${i}]`;
      if (stepIds.indexOf(step.id) !== i) problems.push(`${shown}: ${path}.id: ${step.id} appears twice`);
      const refs: { fn: string; path: string }[] = [];
      checkFunctions(step.check, `${path}.check`, refs);
      for (const r of refs) if (!names.includes(r.fn)) problems.push(`${shown}: ${r.path}: ${r.fn} is not one of the lesson's functions (${names.join(', ')})`);
      const answers = hasKind(step.check, 'answerEquals');
      if (answers && step.answer === undefined) problems.push(`${shown}: ${path}.answer: the check compares a typed answer (answerEquals), so the step needs answer: {label}`);
      if (!answers && step.answer !== undefined) problems.push(`${shown}: ${path}.answer: only steps whose check uses answerEquals take an answer`);
      configProblems(step.check, `${path}.check`, shown, problems);
    });

    lesson.quiz.forEach((qid, i) => {
      if (!questions.has(qid)) problems.push(`${shown}: quiz[${i}]: no question ${qid} in ${rootName}/quiz`);
    });
    if (new Set(lesson.quiz).size !== lesson.quiz.length) problems.push(`${shown}: quiz: a question appears twice`);

    for (const run of ['starter', 'solution'] as const) {
      lesson.verify[run].forEach((action, i) => {
        const path = `verify.${run}[${i}]`;
        const fn = action.invoke?.function ?? action.updateConfig?.function ?? action.useFiles?.function;
        if (fn !== undefined && !names.includes(fn)) problems.push(`${shown}: ${path}: ${fn} is not one of the lesson's functions`);
        if (action.useFiles !== undefined) loadFolder(action.useFiles.from, `${path}.useFiles.from`);
        if (action.submitAnswer !== undefined) {
          const step = lesson.steps.find((s) => s.id === action.submitAnswer?.step);
          if (step === undefined) problems.push(`${shown}: ${path}.submitAnswer.step: no step ${action.submitAnswer.step}`);
          else if (step.answer === undefined) problems.push(`${shown}: ${path}.submitAnswer.step: step ${step.id} takes no answer`);
        }
      });
    }
    if (problems.length === before) lessons.push({ order: Number(m[1]), folder, lesson, body, files });
  }

  const allLessonIds = new Set(folders.map((f) => LESSON_FOLDER.exec(f)?.[2]).filter((x): x is string => x !== undefined));
  for (const [id, q] of questions) {
    q.tags.forEach((t, i) => {
      if (t.startsWith('lesson:') && !allLessonIds.has(t.slice(7))) problems.push(`${questionFile.get(id)}: question ${id}: tags[${i}]: no lesson ${t.slice(7)}`);
    });
  }
  const orders = lessons.map((l) => l.order);
  if (new Set(orders).size !== orders.length) problems.push(`${rootName}: two lesson folders have the same number`);
  if (problems.length > 0) throw new ContentError(problems);
  return { lessons: lessons.sort((a, b) => a.order - b.order), questions };
}

/** The lesson with this id, from loaded content. */
export function findLesson(content: LessonContent, id: string): LoadedLesson | undefined {
  return content.lessons.find((l) => l.lesson.id === id);
}

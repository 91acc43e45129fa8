// The lesson content (lessons/): every lesson and question validates against the schemas of
// sandbox/api, so a broken lesson fails `npm test` with the file and field named.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAM_IDS, type Check } from '../../sandbox/api/index.ts';
import { ContentError, loadLessonContent } from '../../sandbox/service/lessons/content.ts';
import { examDomain } from '../../sandbox/service/quiz/selection.ts';
import { removeTempDirs, tempDir } from '../helpers/temp.ts';

const LESSONS = fileURLToPath(new URL('../../lessons', import.meta.url));
const content = loadLessonContent(LESSONS);
const questions = [...content.questions.values()];
afterAll(removeTempDirs);

function kinds(check: Check, out: Set<string> = new Set()): Set<string> {
  out.add(check.kind);
  if (check.kind === 'all' || check.kind === 'any') for (const c of check.checks) kinds(c, out);
  if (check.kind === 'not') kinds(check.check, out);
  return out;
}

describe('lessons', () => {
  it('are the seven first lessons, in order', () => {
    expect(content.lessons.map((l) => `${l.order} ${l.lesson.id}`)).toEqual([
      '1 first-function', '2 errors', '3 cold-starts', '4 timeouts', '5 memory', '6 runtimes', '7 pricing',
    ]);
  });

  it.each(content.lessons.map((l) => [l.folder, l] as const))('%s: text, starter, solution, steps with hints, quiz and sources', (_folder, l) => {
    expect(l.body.length).toBeGreaterThan(1500);
    expect(l.body).toMatch(/^# /);
    expect(l.body).toMatch(/then and now/i);
    for (const f of l.lesson.functions) {
      expect(l.files.get(f.starter)?.length).toBeGreaterThan(0);
      expect(l.files.get(f.solution)?.length).toBeGreaterThan(0);
    }
    expect(l.lesson.steps.length).toBeGreaterThanOrEqual(3);
    for (const s of l.lesson.steps) expect(s.hints.length).toBeGreaterThanOrEqual(1);
    expect(l.lesson.quiz.length).toBeGreaterThanOrEqual(3);
    for (const id of l.lesson.quiz) expect(content.questions.get(id)?.tags).toContain(`lesson:${l.lesson.id}`);
    for (const s of l.lesson.sources) expect(s.url).toMatch(/^https:\/\//);
  });

  it('have at least one hands-on (non-answer) step each, checked against lab state', () => {
    for (const l of content.lessons) {
      const handsOn = l.lesson.steps.filter((s) => !kinds(s.check).has('answerEquals'));
      expect(handsOn.length, l.folder).toBeGreaterThanOrEqual(1);
    }
  });

  it('teach the then-vs-now facts the seed gets wrong', () => {
    const text = (id: string): string => content.lessons.find((l) => l.lesson.id === id)?.body ?? '';
    expect(text('timeouts')).toMatch(/5 minutes/);
    expect(text('timeouts')).toMatch(/15 minutes/);
    expect(text('timeouts')).toMatch(/Step Functions/);
    expect(text('pricing')).toMatch(/100 ms/);
    expect(text('pricing')).toMatch(/1 ms/);
    expect(text('pricing')).toMatch(/400,000 GB-seconds/);
    expect(text('pricing')).toMatch(/arm64/);
    expect(text('runtimes')).toMatch(/provided\.al2023/);
    expect(text('runtimes')).toMatch(/callback/i);
    expect(text('cold-starts')).toMatch(/INIT.*billed|billed.*INIT/i);
    expect(text('memory')).toMatch(/1,769 MB/);
    expect(text('memory')).toMatch(/heap/);
  });
});

describe('the question bank', () => {
  it('has at least 80 questions with unique, stable ids', () => {
    expect(questions.length).toBeGreaterThanOrEqual(80);
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
  });

  it('gives every question exactly one correct answer set, an explanation and a source', () => {
    for (const q of questions) {
      const correct = q.choices.filter((c) => c.correct).length;
      if (q.kind === 'single') expect(correct, q.id).toBe(1);
      else {
        expect(correct, q.id).toBeGreaterThanOrEqual(2);
        expect(q.choices.length - correct, q.id).toBeGreaterThanOrEqual(1);
        expect(q.prompt, q.id).toMatch(/\(Choose (two|three|four)\.\)/);
        expect(q.prompt, q.id).toContain(`Choose ${['', '', 'two', 'three', 'four'][correct]}`);
      }
      expect(q.explanation.length, q.id).toBeGreaterThan(80);
      expect(q.sources.length, q.id).toBeGreaterThanOrEqual(1);
      for (const s of q.sources) expect(s.url, q.id).toMatch(/^https:\/\/[a-z0-9.-]+\//);
      expect(new Set(q.choices.map((c) => c.text)).size, `${q.id}: duplicate choice text`).toBe(q.choices.length);
    }
  });

  it('has single- and multiple-answer questions, tagged by lesson and exam task', () => {
    expect(questions.filter((q) => q.kind === 'multiple').length).toBeGreaterThanOrEqual(10);
    for (const l of content.lessons) expect(questions.filter((q) => q.tags.includes(`lesson:${l.lesson.id}`)).length, l.lesson.id).toBeGreaterThanOrEqual(6);
    // Questions beyond the lessons: serverless services, triggers, scaling.
    expect(questions.filter((q) => !q.tags.some((t) => t.startsWith('lesson:'))).length).toBeGreaterThanOrEqual(10);
  });

  it('has enough questions for a 10- and 20-question practice exam of each exam, in most domains', () => {
    for (const exam of EXAM_IDS) {
      const tagged = questions.filter((q) => examDomain(q, exam) !== undefined);
      expect(tagged.length, exam).toBeGreaterThanOrEqual(20);
      const domains = new Set(tagged.map((q) => examDomain(q, exam)));
      expect(domains.size, exam).toBeGreaterThanOrEqual(3);
    }
  });

  it('does not put the right answer in the same place every time', () => {
    const singles = questions.filter((q) => q.kind === 'single');
    const positions = new Map<number, number>();
    for (const q of singles) {
      const i = q.choices.findIndex((c) => c.correct);
      positions.set(i, (positions.get(i) ?? 0) + 1);
    }
    for (const n of positions.values()) expect(n / singles.length).toBeLessThan(0.45);
  });
});

describe('content errors', () => {
  function brokenCopy(edit: (dir: string) => void): string[] {
    const dir = join(tempDir(), 'lessons');
    cpSync(LESSONS, dir, { recursive: true });
    edit(dir);
    try {
      loadLessonContent(dir);
      return [];
    } catch (e) {
      expect(e).toBeInstanceOf(ContentError);
      return (e as ContentError).problems;
    }
  }

  it('name the file and the field', () => {
    const problems = brokenCopy((dir) => {
      const file = join(dir, '03-cold-starts', 'lesson.yaml');
      const text = loadText(file).replace('kind: invocationSequence', 'kind: invocationSequnce');
      writeFileSync(file, text);
    });
    expect(problems).toContainEqual(expect.stringMatching(/^lessons\/03-cold-starts\/lesson\.yaml: steps\[\d\]\.check\.kind: Invalid discriminator value/));
  });

  it('catch a check on a function the lesson does not have, a missing question and a bad question', () => {
    const problems = brokenCopy((dir) => {
      const lesson = join(dir, '01-first-function', 'lesson.yaml');
      writeFileSync(lesson, loadText(lesson).replace('function: hello-handler\n      status: success\n    hints', 'function: nobody\n      status: success\n    hints').replace('- first-function.default-timeout', '- first-function.no-such-question'));
      const quiz = join(dir, 'quiz', '01-first-function.yaml');
      // The first question loses its correct choice.
      writeFileSync(quiz, loadText(quiz).replace(', correct: true }', ' }'));
    });
    expect(problems).toContainEqual('lessons/01-first-function/lesson.yaml: steps[0].check.function: nobody is not one of the lesson\'s functions (hello-handler)');
    expect(problems).toContainEqual(expect.stringMatching(/^lessons\/01-first-function\/lesson\.yaml: quiz\[\d\]: no question first-function\.no-such-question/));
    expect(problems).toContainEqual(expect.stringMatching(/^lessons\/quiz\/01-first-function\.yaml: questions\[0\]\.choices: A single-answer question needs exactly one correct choice \(has 0\)/));
  });

  it('report YAML syntax errors with the file', () => {
    const problems = brokenCopy((dir) => writeFileSync(join(dir, '02-errors', 'lesson.yaml'), 'id: errors\ntitle: [unclosed\n'));
    expect(problems[0]).toMatch(/^lessons\/02-errors\/lesson\.yaml: /);
  });
});

function loadText(path: string): string {
  return readFileSync(path, 'utf8');
}

// `lambda-lab lessons list|verify`, run as an author runs them.
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../helpers/temp.ts';

const BIN = fileURLToPath(new URL('../../bin/lambda-lab.mjs', import.meta.url));
const LESSONS = fileURLToPath(new URL('../../lessons', import.meta.url));
afterAll(removeTempDirs);

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function lessonsCopy(edit: (dir: string) => void): string {
  const dir = join(tempDir(), 'lessons');
  cpSync(LESSONS, dir, { recursive: true });
  edit(dir);
  return dir;
}

describe('lambda-lab lessons list', () => {
  it('prints every lesson with steps and questions, and the bank by tag, as JSON', () => {
    const r = run(['lessons', 'list', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { lessons: { id: string; title: string; steps: number; questions: number; quiz: number }[]; quizBank: { total: number; byTag: Record<string, number> } };
    expect(out.lessons.map((l) => l.id)).toEqual(['first-function', 'errors', 'cold-starts', 'timeouts', 'memory', 'runtimes', 'pricing']);
    expect(out.lessons[0]).toEqual({ id: 'first-function', title: 'First function and the handler', steps: 5, questions: 7, quiz: 6 });
    expect(out.quizBank.total).toBeGreaterThanOrEqual(80);
    expect(out.quizBank.byTag['lesson:pricing']).toBe(out.lessons[6]?.questions);
    expect(out.quizBank.byTag['DVA-C02:1.2']).toBeGreaterThan(0);
  });

  it('prints a table without --json, and exits 1 naming the problem when the content is broken', () => {
    expect(run(['lessons', 'list']).stdout).toMatch(/^first-function\s+First function and the handler\s+5 steps\s+7 questions$/m);
    const broken = lessonsCopy((dir) => writeFileSync(join(dir, '04-timeouts', 'lesson.yaml'), readFileSync(join(dir, '04-timeouts', 'lesson.yaml'), 'utf8').replace('estimatedMinutes: 25', 'estimatedMinutes: soon')));
    const r = run(['lessons', 'list', '--dir', broken]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('lessons/04-timeouts/lesson.yaml: estimatedMinutes: Invalid input: expected number, received string');
  });

  it('exits 2 for a usage mistake', () => {
    expect(run(['lessons']).code).toBe(2);
    expect(run(['lessons', 'teach']).code).toBe(2);
    const r = run(['lessons', 'verify', 'no-such-lesson']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/No lesson no-such-lesson \(lessons: first-function, errors/);
  });
});

describe('lambda-lab lessons verify', () => {
  it('runs a lesson\'s starter and solution through the engine and prints PASS/FAIL per step (exit 0)', () => {
    const r = run(['lessons', 'verify', 'first-function', 'errors']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('01-first-function  First function and the handler\n  starter (expected: not every step passes)\n    PASS first-invoke\n    FAIL greet-by-name — ');
    expect(r.stdout).toMatch(/ {2}solution \(expected: every step passes\)\n {4}PASS first-invoke\n {4}PASS greet-by-name\n {4}PASS use-context\n {4}PASS log-a-line\n {4}PASS read-the-report\n {2}ok \(/);
    expect(r.stdout).toMatch(/2 lessons verified in [\d.]+ s: 2 ok, 0 wrong\n$/);
  });

  it('exits 1 when a reference solution does not pass, or a starter passes everything', () => {
    const dir = lessonsCopy((d) => {
      const sol = join(d, '01-first-function', 'solution', 'index.mjs');
      writeFileSync(sol, readFileSync(sol, 'utf8').replace('console.log(`Greeting ${name}`);', ''));
      const lesson = join(d, '02-errors', 'lesson.yaml');
      // A "starter" run that already carries out the whole solution.
      const text = readFileSync(lesson, 'utf8');
      const solution = text.slice(text.indexOf('  solution:\n') + '  solution:\n'.length);
      writeFileSync(lesson, text.replace(/ {2}starter:\n[\s\S]*? {2}solution:\n/, `  starter:\n${solution}  solution:\n`));
    });
    const r = run(['lessons', 'verify', 'first-function', 'errors', '--json', '--dir', dir]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { ok: boolean; lessons: { lessonId: string; ok: boolean; problems: string[] }[] };
    expect(out.ok).toBe(false);
    expect(out.lessons.map((l) => [l.lessonId, l.ok])).toEqual([['first-function', false], ['errors', false]]);
    expect(out.lessons[0]?.problems).toEqual(['the reference solution does not pass: log-a-line, read-the-report']);
    expect(out.lessons[1]?.problems).toEqual(['the starter passes every step: a lesson must give the student something to do']);
  });
});

// Every lesson through the real engine (the same code as `lambda-lab lessons verify`): its starter
// does not pass every step, its reference solution passes them all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLab, type Lab } from '../../sandbox/lab.ts';
import { formatVerifyResult, verifyLesson } from '../../sandbox/service/lessons/verify.ts';

let lab: Lab;
beforeAll(async () => {
  lab = await createLab({ dataDir: null, version: '0.0.0-test', seed: false });
});
afterAll(async () => {
  await lab.close();
});

const ids = (): string[] => ['first-function', 'errors', 'cold-starts', 'timeouts', 'memory', 'runtimes', 'pricing'];

describe('lessons verify', () => {
  it.each(ids())('%s: the starter fails, the reference solution passes every step', async (id) => {
    const content = lab.lessons.content();
    const lesson = content.lessons.find((l) => l.lesson.id === id);
    expect(lesson, id).toBeDefined();
    if (lesson === undefined) return;
    const result = await verifyLesson({ api: lab.api, expectedAnswer: lab.lessons.expectedAnswer }, lesson, content);
    expect(result.starter.error).toBeUndefined();
    expect(result.solution.error).toBeUndefined();
    expect(result.starter.allPassed, formatVerifyResult(result)).toBe(false);
    expect(result.solution.steps.map((s) => [s.stepId, s.passed]), formatVerifyResult(result)).toEqual(lesson.lesson.steps.map((s) => [s.id, true]));
    expect(result.ok).toBe(true);
  }, 60_000);
});

// Lessons through the contract of a real lab: start, live check marks, order of steps, hints,
// answers, solution, reset, and progress kept in SQLite across restarts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LabError, contract, type PushEvent } from '../../sandbox/api/index.ts';
import { createLab, type Lab } from '../../sandbox/lab.ts';
import { removeTempDirs, tempDir } from '../helpers/temp.ts';

const dataDir = tempDir();
let lab: Lab;
const events: PushEvent[] = [];
const progressEvents = () => events.filter((e): e is Extract<PushEvent, { type: 'lessons:progress' }> => e.type === 'lessons:progress');
beforeAll(async () => {
  lab = await createLab({ dataDir, version: '0.0.0-test' });
  lab.subscribe((e) => events.push(e));
});
afterAll(async () => {
  await lab.close();
  removeTempDirs();
});

const ada = JSON.stringify({ name: 'Ada' });
const solution = `export const handler = async (event, context) => {
  console.log(\`Greeting \${event.name}\`);
  return { message: \`Hello, \${event.name}\`, requestId: context.awsRequestId };
};`;

async function rejects(p: Promise<unknown>): Promise<LabError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(LabError);
    return e as LabError;
  }
  throw new Error('expected a LabError');
}

describe('the lessons overview', () => {
  it('lists the lessons in order, none started, nothing to resume', async () => {
    const overview = await lab.api['lessons:list']({});
    expect(overview.lessons.map((l) => [l.order, l.id, l.progress.status])).toEqual([
      [1, 'first-function', 'not-started'], [2, 'errors', 'not-started'], [3, 'cold-starts', 'not-started'], [4, 'timeouts', 'not-started'],
      [5, 'memory', 'not-started'], [6, 'runtimes', 'not-started'], [7, 'pricing', 'not-started'],
    ]);
    expect(overview.lessons[0]).toMatchObject({ title: 'First function and the handler', functionNames: ['hello-handler'], stepCount: 5, quizQuestionCount: 6 });
    expect(overview.resume).toBeUndefined();
  });

  it('answers not-found for an unknown lesson and conflict before a lesson is started', async () => {
    expect((await rejects(lab.api['lessons:get']({ id: 'no-such-lesson' }))).code).toBe('not-found');
    expect((await rejects(lab.api['lessons:check']({ id: 'errors' }))).code).toBe('conflict');
    expect((await rejects(lab.api['lessons:reveal-hint']({ id: 'errors', stepId: 'handler-not-found' }))).code).toBe('conflict');
  });
});

describe('lesson 1, followed to the end', () => {
  it('starts: the function comes from the starter, with its test event; hints are hidden', async () => {
    const view = await lab.api['lessons:start']({ id: 'first-function' });
    expect(view.progress).toMatchObject({ status: 'in-progress', currentStepId: 'first-invoke', completedSteps: 0, totalSteps: 5, solutionShown: false });
    expect(view.body).toMatch(/^# First function and the handler/);
    expect(view.steps.map((s) => s.state)).toEqual(['current', 'pending', 'pending', 'pending', 'pending']);
    expect(view.steps[0]?.reason).toBe('No invocation of `hello-handler` since this step began: invoke it.');
    expect(view.steps.every((s) => s.hints.length === 0 && s.hintCount > 0)).toBe(true);
    expect(view.steps[4]?.answer).toEqual({ label: 'Billed Duration of your last invocation', unit: 'ms', placeholder: 'e.g. 12' });
    expect(JSON.stringify(view)).not.toContain('Greeting ${name}'); // no solution code in the view
    const fn = await lab.api['functions:get']({ name: 'hello-handler' });
    expect(fn.files.map((f) => f.path)).toEqual(['index.mjs']);
    expect(fn.files[0]?.content).toContain("return { message: 'Hello, world' };");
    expect((await lab.api['test-events:list']({ functionName: 'hello-handler' })).map((e) => [e.name, JSON.parse(e.content)])).toEqual([['ada', { name: 'Ada' }]]);
    expect((await lab.api['lessons:list']({})).resume).toEqual({ lessonId: 'first-function', stepId: 'first-invoke' });
  });

  it('turns a check mark green live when an invocation passes a step (lessons:progress)', async () => {
    await lab.api['invoke:run']({ functionName: 'hello-handler', event: ada });
    expect(progressEvents().at(-1)).toMatchObject({ lessonId: 'first-function', newlyPassed: ['first-invoke'], completed: false, progress: { completedSteps: 1, currentStepId: 'greet-by-name' } });
    const view = await lab.api['lessons:get']({ id: 'first-function' });
    expect(view.steps.map((s) => s.state)).toEqual(['passed', 'current', 'pending', 'pending', 'pending']);
  });

  it('checks on demand, with a reason for the first failing step; one invocation passes one step', async () => {
    const before = progressEvents().length;
    await lab.api['invoke:run']({ functionName: 'hello-handler', event: ada });
    expect(progressEvents().length).toBe(before); // nothing newly passed: no push
    const result = await lab.api['lessons:check']({ id: 'first-function' });
    expect(result.newlyPassed).toEqual([]);
    expect(result.firstFailing).toEqual({ stepId: 'greet-by-name', reason: expect.stringMatching(/does not include \{"message":"Hello, Ada"\}\.$/) });
    expect(result.steps.map((s) => s.state)).toEqual(['passed', 'current', 'pending', 'pending', 'pending']);
    // The full solution passes only the current step with one invocation; the next needs a new one.
    await lab.api['functions:save-code']({ name: 'hello-handler', files: [{ path: 'index.mjs', content: solution }] });
    await lab.api['invoke:run']({ functionName: 'hello-handler', event: ada });
    expect((await lab.api['lessons:check']({ id: 'first-function' })).steps.map((s) => s.state)).toEqual(['passed', 'passed', 'current', 'pending', 'pending']);
  });

  it('reveals hints one at a time', async () => {
    const first = await lab.api['lessons:reveal-hint']({ id: 'first-function', stepId: 'use-context' });
    expect(first.hints).toHaveLength(1);
    expect(first.remaining).toBe(1);
    const second = await lab.api['lessons:reveal-hint']({ id: 'first-function', stepId: 'use-context' });
    expect(second).toMatchObject({ remaining: 0 });
    expect((await lab.api['lessons:reveal-hint']({ id: 'first-function', stepId: 'use-context' })).hints).toEqual(second.hints);
    const view = await lab.api['lessons:get']({ id: 'first-function' });
    expect(view.steps.find((s) => s.id === 'use-context')?.hints).toEqual(second.hints);
    expect(view.steps.find((s) => s.id === 'log-a-line')?.hints).toEqual([]);
    expect((await rejects(lab.api['lessons:reveal-hint']({ id: 'first-function', stepId: 'nope' }))).code).toBe('not-found');
  });

  it('refuses an answer for a step not reached yet, and checks answers against lab state', async () => {
    const early = await rejects(lab.api['lessons:submit-answer']({ id: 'first-function', stepId: 'read-the-report', value: 3 }));
    expect(early.code).toBe('conflict');
    expect(early.message).toBe('Finish the step "Read the context" first: steps are done in order');
    expect((await rejects(lab.api['lessons:submit-answer']({ id: 'first-function', stepId: 'use-context', value: 3 }))).code).toBe('bad-request');
    await lab.api['invoke:run']({ functionName: 'hello-handler', event: ada });
    const last = await lab.api['invoke:run']({ functionName: 'hello-handler', event: ada });
    expect((await lab.api['lessons:get']({ id: 'first-function' })).progress.currentStepId).toBe('read-the-report');
    const wrong = await lab.api['lessons:submit-answer']({ id: 'first-function', stepId: 'read-the-report', value: last.billedDurationMs + 100 });
    expect(wrong).toMatchObject({ correct: false, reason: expect.stringMatching(/is too high/) });
    expect(wrong.check.completed).toBe(false);
    expect((await lab.api['lessons:get']({ id: 'first-function' })).steps[4]?.answer?.lastValue).toBe(last.billedDurationMs + 100);
    const right = await lab.api['lessons:submit-answer']({ id: 'first-function', stepId: 'read-the-report', value: last.billedDurationMs });
    expect(right).toMatchObject({ correct: true, check: { completed: true, newlyPassed: ['read-the-report'], progress: { status: 'completed', completedSteps: 5 } } });
    expect(progressEvents().at(-1)).toMatchObject({ lessonId: 'first-function', completed: true });
    expect((await lab.api['lessons:list']({})).resume).toBeUndefined();
  });

  it('keeps the progress across a restart of the lab', async () => {
    await lab.close();
    lab = await createLab({ dataDir, version: '0.0.0-test' });
    lab.subscribe((e) => events.push(e));
    const view = await lab.api['lessons:get']({ id: 'first-function' });
    expect(view.progress).toMatchObject({ status: 'completed', completedSteps: 5 });
    expect(view.steps.every((s) => s.state === 'passed' && s.completedAt !== undefined)).toBe(true);
    expect(view.steps.find((s) => s.id === 'use-context')?.hints).toHaveLength(2);
  });
});

describe('solution and reset', () => {
  it('shows the solution only with confirm: true, and records that it was shown', async () => {
    expect(contract['lessons:show-solution'].input.safeParse({ id: 'errors' }).success).toBe(false);
    await lab.api['lessons:start']({ id: 'errors' });
    const s = await lab.api['lessons:show-solution']({ id: 'errors', confirm: true });
    expect(s.functions).toEqual([{ name: 'order-total', files: [{ path: 'index.mjs', content: expect.stringContaining('class ValidationError extends Error') }], config: expect.objectContaining({ handler: 'index.handler' }) }]);
    expect(s.walkthrough[1]).toBe('Replace the code of `order-total` with the code of `snapshots/fixed-export` (`index.mjs`).');
    expect((await lab.api['lessons:get']({ id: 'errors' })).progress.solutionShown).toBe(true);
    const timeouts = await lab.api['lessons:show-solution']({ id: 'timeouts', confirm: true });
    expect(timeouts.functions[0]?.config.timeoutSeconds).toBe(1);
    expect(timeouts.walkthrough).toContain('Change the settings of `batch-etl`: timeoutSeconds = 2.');
  });

  it('continues a started lesson as it is, but re-creates a deleted function from the starter', async () => {
    await lab.api['invoke:run']({ functionName: 'order-total', event: '{}' });
    await lab.api['functions:save-code']({ name: 'order-total', files: [{ path: 'index.mjs', content: 'export const handler = async () => ({ total: 8 });' }] });
    const again = await lab.api['lessons:start']({ id: 'errors' });
    expect(again.progress.completedSteps).toBe(1);
    expect((await lab.api['functions:get']({ name: 'order-total' })).files[0]?.content).toBe('export const handler = async () => ({ total: 8 });');
    await lab.api['functions:delete']({ name: 'order-total' });
    expect((await lab.api['lessons:check']({ id: 'errors' })).firstFailing?.reason).toMatch(/does not exist/);
    await lab.api['lessons:start']({ id: 'errors' });
    expect((await lab.api['functions:get']({ name: 'order-total' })).files[0]?.content).toContain('export const handle = async');
  });

  it('reset (code) puts the starter back and keeps the progress; reset (lesson) clears it and ignores earlier invocations', async () => {
    await lab.api['functions:update-config']({ name: 'order-total', config: { memorySizeMB: 1024, handler: 'index.handle' } });
    const code = await lab.api['lessons:reset']({ id: 'errors', scope: 'code' });
    expect(code.progress.completedSteps).toBe(1);
    const fn = await lab.api['functions:get']({ name: 'order-total' });
    expect([fn.config.memorySizeMB, fn.config.handler]).toEqual([128, 'index.handler']);
    const fresh = await lab.api['lessons:reset']({ id: 'errors', scope: 'lesson' });
    expect(fresh.progress).toMatchObject({ status: 'in-progress', completedSteps: 0, currentStepId: 'handler-not-found', solutionShown: false });
    // The HandlerNotFound invocation from before the reset does not count.
    expect((await lab.api['lessons:check']({ id: 'errors' })).firstFailing).toEqual({ stepId: 'handler-not-found', reason: 'No invocation of `order-total` since this step began: invoke it.' });
    await lab.api['invoke:run']({ functionName: 'order-total', event: '{}' });
    expect((await lab.api['lessons:check']({ id: 'errors' })).steps[0]?.state).toBe('passed');
  });

  it('turns a step green when a settings change makes it pass (config checks, live)', async () => {
    await lab.api['lessons:start']({ id: 'timeouts' });
    await lab.api['invoke:run']({ functionName: 'batch-etl', event: JSON.stringify({ ids: [1, 2, 3, 4, 5] }) });
    await lab.api['invoke:run']({ functionName: 'batch-etl', event: JSON.stringify({ ids: [1] }) });
    expect((await lab.api['lessons:get']({ id: 'timeouts' })).progress.currentStepId).toBe('raise-the-timeout');
    const n = progressEvents().length;
    await lab.api['functions:update-config']({ name: 'batch-etl', config: { timeoutSeconds: 2 } });
    expect(progressEvents().length).toBe(n); // still needs an invocation after the change
    await lab.api['invoke:run']({ functionName: 'batch-etl', event: JSON.stringify({ ids: [1, 2, 3, 4, 5] }) });
    expect(progressEvents().at(-1)).toMatchObject({ lessonId: 'timeouts', newlyPassed: ['raise-the-timeout'] });
  }, 20_000);
});

describe('the lesson quiz and quizPassed', () => {
  it('records a lesson quiz attempt and reports the best score in the overview', async () => {
    const attempt = await lab.api['quiz:start']({ mode: 'lesson', lessonId: 'memory' });
    expect(attempt.questions).toHaveLength(6);
    expect(attempt.timeLimitMinutes).toBeNull();
    const submitted = await lab.api['quiz:submit']({ attemptId: attempt.id });
    expect(submitted.report).toMatchObject({ correct: 0, total: 6, percent: 0, passed: false, unanswered: 6 });
    expect((await lab.api['lessons:list']({})).lessons.find((l) => l.id === 'memory')?.bestQuizPercent).toBe(0);
  });
});

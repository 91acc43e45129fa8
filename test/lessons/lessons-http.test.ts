// Lessons and quizzes through the HTTP host and the WebSocket, the path the UI takes: lesson 1
// to the end with live check marks, then a 10-question practice exam to its score report.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { EVENTS_PATH, type LessonView, type PushEvent, type QuizAttempt } from '../../sandbox/api/index.ts';
import { type RunningServer, startServer } from '../../sandbox/host/server.ts';
import type { Lab } from '../../sandbox/lab.ts';
import { startLab } from '../helpers/lab.ts';
import { removeTempDirs, tempDir } from '../helpers/temp.ts';

const TOKEN = 'd'.repeat(48);
let lab: Lab;
let server: RunningServer;
let socket: WebSocket;
const pushed: PushEvent[] = [];

beforeAll(async () => {
  lab = await startLab();
  const staticDir = tempDir();
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html>');
  server = await startServer({ lab, token: TOKEN, port: 0, staticDir });
  socket = new WebSocket(`ws://127.0.0.1:${server.port}${EVENTS_PATH}?token=${TOKEN}`);
  socket.on('message', (data: Buffer) => pushed.push(JSON.parse(data.toString('utf8')) as PushEvent));
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
});
afterAll(async () => {
  socket.close();
  await server.close();
  await lab.close();
  removeTempDirs();
});

async function call<T = unknown>(name: string, body: unknown): Promise<{ status: number; ok: boolean; result: T; error: { code: string; message: string } }> {
  const res = await fetch(`${server.url}api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-lab-token': TOKEN }, body: JSON.stringify(body) });
  return { status: res.status, ...((await res.json()) as { ok: boolean; result: T; error: { code: string; message: string } }) };
}

async function until(predicate: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !predicate(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(predicate()).toBe(true);
}

describe('lesson 1 over HTTP', () => {
  it('follows the lesson to the end: each step turns green by push, the lesson is completed', async () => {
    const started = await call<LessonView>('lessons:start', { id: 'first-function' });
    expect(started.result.progress.currentStepId).toBe('first-invoke');
    const progress = () => pushed.filter((e): e is Extract<PushEvent, { type: 'lessons:progress' }> => e.type === 'lessons:progress');

    await call('invoke:run', { functionName: 'hello-handler', event: '{"name":"Ada"}' });
    await until(() => progress().some((e) => e.newlyPassed.includes('first-invoke')));

    const solution = (await call<{ functions: { files: { path: string; content: string }[] }[] }>('lessons:show-solution', { id: 'first-function', confirm: true })).result;
    await call('functions:save-code', { name: 'hello-handler', files: solution.functions[0]?.files });
    for (const step of ['greet-by-name', 'use-context', 'log-a-line']) {
      await call('invoke:run', { functionName: 'hello-handler', event: '{"name":"Ada"}' });
      await until(() => progress().some((e) => e.newlyPassed.includes(step)));
    }
    const history = await call<{ billedDurationMs: number }[]>('invocations:list', { functionName: 'hello-handler', limit: 1 });
    const answer = await call<{ correct: boolean }>('lessons:submit-answer', { id: 'first-function', stepId: 'read-the-report', value: history.result[0]?.billedDurationMs });
    expect(answer.result.correct).toBe(true);
    await until(() => progress().some((e) => e.completed));
    const overview = await call<{ lessons: { id: string; progress: { status: string; solutionShown: boolean } }[] }>('lessons:list', {});
    expect(overview.result.lessons[0]).toMatchObject({ id: 'first-function', progress: { status: 'completed', solutionShown: true } });
  });

  it('rejects bad input with the contract\'s messages', async () => {
    const noConfirm = await call('lessons:show-solution', { id: 'first-function' });
    expect([noConfirm.status, noConfirm.error.message]).toEqual([400, 'Invalid input for lessons:show-solution: confirm: Showing the solution needs confirm: true']);
    const noExam = await call('quiz:start', { mode: 'practice', length: 10 });
    expect([noExam.status, noExam.error.message]).toEqual([400, 'Invalid input for quiz:start: exam: A practice exam needs exam (DVA-C02, SAA-C03 or CLF-C02)']);
    const badLength = await call('quiz:start', { mode: 'practice', exam: 'DVA-C02', length: 15 });
    expect(badLength.status).toBe(400);
  });
});

describe('a 10-question practice exam over HTTP', () => {
  it('starts, takes answers and flags, and ends with a score report by domain', async () => {
    const start = await call<QuizAttempt>('quiz:start', { mode: 'practice', exam: 'DVA-C02', length: 10 });
    expect(start.result.questions).toHaveLength(10);
    const attempt = start.result;
    for (const q of attempt.questions) {
      await call('quiz:answer', { attemptId: attempt.id, questionId: q.id, choiceIds: q.choices.slice(0, q.choose).map((c) => c.id) });
    }
    await call('quiz:flag', { attemptId: attempt.id, questionId: attempt.questions[3]?.id, flagged: true });
    const done = await call<QuizAttempt>('quiz:submit', { attemptId: attempt.id });
    expect(done.result.status).toBe('submitted');
    expect(done.result.report).toMatchObject({ total: 10, unanswered: 0, flagged: 1, passPercent: 72 });
    expect(done.result.report?.byDomain.reduce((n, d) => n + d.total, 0)).toBe(10);
    expect(done.result.questions.every((q) => q.review !== undefined)).toBe(true);
    const history = await call<{ id: string; status: string }[]>('quiz:list-attempts', { mode: 'practice' });
    expect(history.result[0]).toMatchObject({ id: attempt.id, status: 'submitted' });
    const exams = await call<{ id: string; bankQuestions: number }[]>('quiz:list-exams', {});
    expect(exams.result.map((e) => e.id)).toEqual(['DVA-C02', 'SAA-C03', 'CLF-C02']);
  });
});

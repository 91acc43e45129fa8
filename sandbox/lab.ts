// Composition root: builds the engine's parts and implements the contract with them.
// The only place that wires parts together.
import { randomInt, randomUUID } from 'node:crypto';
import { totalmem } from 'node:os';
import { join } from 'node:path';
import { LabError, type InvocationFilter, type LabApi, type PushEvent, RUNTIMES } from './api/index.ts';
import { databasePath } from './host/data-dir.ts';
import { PACKAGE_ROOT, enginePaths } from './host/paths.ts';
import { RunnerClient } from './runtime/runner-client.ts';
import { BLUEPRINTS } from './service/blueprints/index.ts';
import { type Clock, type IdGenerator, randomIds, systemClock } from './service/clock.ts';
import { FunctionWorkspace } from './service/function-workspace.ts';
import { type InvocationRunner, LambdaService } from './service/lambda-service.ts';
import { ContentError, type LessonContent, loadLessonContent } from './service/lessons/content.ts';
import { LessonService } from './service/lessons/lesson-service.ts';
import { QuizService } from './service/quiz/quiz-service.ts';
import { HELLO_FUNCTION } from './service/seed.ts';
import { TestEventService } from './service/test-events.ts';
import { type SamEventCatalog, loadSamEventCatalog } from './services/events/sam-catalog.ts';
import { listEventTemplates, renderEventTemplate } from './services/events/sam-render.ts';
import { openStore } from './store/index.ts';
import type { InvocationFilter as StoreInvocationFilter } from './store/invocations-repo.ts';

export interface LabOptions {
  /** Data directory, or null for a lab that lives in memory only (the CLI's one-off invokes). */
  dataDir: string | null;
  version: string;
  clock?: Clock;
  ids?: IdGenerator;
  /** Seed the `hello` function into an empty lab (default true). */
  seed?: boolean;
  /** Replace the runner process (tests). */
  runner?: InvocationRunner & { close(): Promise<void> };
  onRunnerRespawn?: (reason: string) => void;
  /** The SAM CLI event templates (default: resources/sam-events of the package). */
  samEventsDir?: string;
  /** The lesson content (default: lessons/ of the package). */
  lessonsDir?: string;
  /** Uniform random numbers in [0, 1) for quiz shuffles (default: node:crypto). */
  random?: () => number;
}

export interface Lab {
  api: LabApi;
  subscribe(listener: (event: PushEvent) => void): () => void;
  /** Set when a damaged database was moved aside at start. */
  recoveredFrom: string | undefined;
  /** Lesson tools for authors (`lambda-lab lessons verify`); the UI uses the contract. */
  lessons: {
    /** The loaded lesson content (throws a LabError naming every problem if it is broken). */
    content(): LessonContent;
    /** The value an answer step of a started lesson expects now. */
    expectedAnswer(lessonId: string, stepId: string): number | undefined;
  };
  close(): Promise<void>;
}

const MB = 1024 * 1024;

/** The SAM CLI's sample event templates shipped with the app (Apache-2.0: see their NOTICE). */
export const SAM_EVENTS_DIR = join(PACKAGE_ROOT, 'resources', 'sam-events');
/** The lessons and the question bank shipped with the app. */
export const LESSONS_DIR = join(PACKAGE_ROOT, 'lessons');

/** Uniform in [0, 1) from the operating system's random source (48 bits). */
const cryptoRandom = (): number => randomInt(2 ** 47) / 2 ** 47;

/** Contract filters → store filters: ISO times normalised so they compare as text with stored ones. */
function storeFilter(f: InvocationFilter): StoreInvocationFilter {
  const iso = (t: string): string => new Date(t).toISOString();
  const out: StoreInvocationFilter = {
    ...(f.functionName !== undefined ? { functionName: f.functionName } : {}),
    ...(f.status !== undefined ? { status: f.status } : {}),
    ...(f.coldStart !== undefined ? { coldStart: f.coldStart } : {}),
    ...(f.from !== undefined ? { from: iso(f.from) } : {}),
    ...(f.to !== undefined ? { to: iso(f.to) } : {}),
  };
  if (out.from !== undefined && out.to !== undefined && out.from > out.to) {
    throw new LabError('bad-request', `The time range is empty: from (${f.from}) is after to (${f.to})`);
  }
  return out;
}

/** The largest isolate heap this machine gives a function: a quarter of RAM, within Lambda's range. */
export function machineHeapCapMB(): number {
  return Math.max(512, Math.min(10_240, Math.floor(totalmem() / MB / 4)));
}

export async function createLab(options: LabOptions): Promise<Lab> {
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? randomIds;
  const listeners = new Set<(event: PushEvent) => void>();
  /** Set once the lesson service exists (it needs `emit` itself). */
  const lessonHooks: { onLabEvent?: (event: PushEvent) => void } = {};
  const emit = (event: PushEvent): void => {
    for (const l of listeners) l(event);
    // Live check marks: an invocation or a change to a lesson's function may make a step pass
    // (the lesson service then emits lessons:progress). A failure here must never fail the invoke.
    if (lessonHooks.onLabEvent !== undefined && (event.type === 'invocation:finished' || event.type === 'function:changed')) {
      try {
        lessonHooks.onLabEvent(event);
      } catch {
        // `lessons:check` reports the same problem to the student.
      }
    }
  };
  const heapCapMB = machineHeapCapMB();
  const store = openStore(options.dataDir === null ? ':memory:' : databasePath(options.dataDir), () => clock.now());
  const runner =
    options.runner ??
    new RunnerClient({
      runnerEntry: enginePaths.runnerEntry,
      gluePath: enginePaths.gluePath,
      heapCapMB,
      ...(options.onRunnerRespawn !== undefined ? { onRespawn: options.onRunnerRespawn } : {}),
    });
  if ('start' in runner && typeof runner.start === 'function') await (runner as RunnerClient).start();
  const lambda = new LambdaService({ store, runner, clock, ids, region: 'us-east-1', accountId: '123456789012', emit });
  lambda.purgeExpired();
  // Only a new lab gets `hello`: not one whose functions were all deleted (its history remains).
  if ((options.seed ?? true) && store.functions.count() === 0 && store.invocations.count({}) === 0) {
    lambda.createFunction(HELLO_FUNCTION.name, HELLO_FUNCTION.description, HELLO_FUNCTION.config, HELLO_FUNCTION.files);
  }
  const workspace = new FunctionWorkspace({ lambda, store, clock });
  const testEvents = new TestEventService({ store, requireFunction: (name) => void lambda.getFunction(name) });
  let lessonContent: LessonContent | undefined;
  const content = (): LessonContent => {
    if (lessonContent === undefined) {
      try {
        lessonContent = loadLessonContent(options.lessonsDir ?? LESSONS_DIR);
      } catch (e) {
        if (e instanceof ContentError) throw new LabError('internal', e.message, { problems: e.problems });
        throw e;
      }
    }
    return lessonContent;
  };
  const findFunction = (name: string) => {
    try {
      return lambda.getFunction(name);
    } catch (e) {
      if (e instanceof LabError && e.code === 'not-found') return undefined;
      throw e;
    }
  };
  const lessonService = new LessonService({
    content,
    store,
    clock,
    emit,
    functions: {
      find: findFunction,
      create: (name, description, config, files) => void lambda.createFunction(name, description, config, files),
      replace: (name, description, config, files) => {
        lambda.saveCode(name, files);
        lambda.updateConfig(name, config, description);
      },
    },
  });
  lessonHooks.onLabEvent = (event) => lessonService.onLabEvent(event);
  const quiz = new QuizService({
    content,
    store,
    clock,
    newId: randomUUID,
    random: options.random ?? cryptoRandom,
    onLessonQuizSubmitted: (lessonId) => lessonService.onQuizSubmitted(lessonId),
  });
  let samEvents: SamEventCatalog | undefined;
  const samCatalog = (): SamEventCatalog => (samEvents ??= loadSamEventCatalog(options.samEventsDir ?? SAM_EVENTS_DIR));

  const api = {
    'lab:get-info': async () => ({
      version: options.version,
      dataDir: options.dataDir ?? ':memory:',
      runtimes: [...RUNTIMES],
      memoryCapMB: heapCapMB,
    }),
    'functions:list': async ({ query }) => lambda.listFunctions(query),
    'functions:get': async ({ name }) => lambda.getFunction(name),
    'functions:create': async (input) => workspace.create(input),
    'functions:save-code': async ({ name, files }) => lambda.saveCode(name, files),
    'functions:update-config': async ({ name, config, description }) => lambda.updateConfig(name, config, description),
    'functions:rename': async ({ name, newName }) => lambda.renameFunction(name, newName),
    'functions:duplicate': async ({ name, newName }) => lambda.duplicateFunction(name, newName),
    'functions:delete': async ({ name }) => lambda.deleteFunction(name),
    'functions:restore': async ({ name }) => lambda.restoreFunction(name),
    'functions:export': async ({ name, format }) => workspace.export(name, format),
    'functions:import': async ({ fileName, base64, name }) => workspace.import(fileName, base64, name),
    'blueprints:list': async () => [...BLUEPRINTS],
    'test-events:list': async ({ functionName }) => testEvents.list(functionName),
    'test-events:save': async ({ functionName, name, content }) => testEvents.save(functionName, name, content),
    'test-events:rename': async ({ functionName, name, newName }) => testEvents.rename(functionName, name, newName),
    'test-events:delete': async ({ functionName, name }) => testEvents.delete(functionName, name),
    'test-events:export': async ({ functionName, name }) => testEvents.export(functionName, name),
    'test-events:import': async ({ functionName, fileName, content, name, replace }) =>
      testEvents.import(functionName, fileName, content, { ...(name !== undefined ? { name } : {}), replace }),
    'event-templates:list': async () => listEventTemplates(samCatalog()),
    'event-templates:render': async ({ service, type, values, fresh }) => renderEventTemplate(samCatalog(), { service, type, values, fresh }, clock, ids),
    'invoke:run': async ({ functionName, event }) => lambda.invoke(functionName, event),
    'invocations:list': async ({ limit, beforeSeq, ...filter }) =>
      store.invocations.list({ ...storeFilter(filter), limit, ...(beforeSeq !== undefined ? { beforeSeq } : {}) }),
    'invocations:count': async (filter) => ({ count: store.invocations.count(storeFilter(filter)) }),
    'invocations:get': async ({ requestId }) => {
      const r = store.invocations.get(requestId);
      if (r === undefined) throw new LabError('not-found', `No invocation with request id ${requestId}`);
      return r;
    },
    'invocations:rerun': async ({ requestId }) => {
      const r = store.invocations.get(requestId);
      if (r === undefined) throw new LabError('not-found', `No invocation with request id ${requestId}`);
      return lambda.invoke(r.functionName, r.event);
    },
    'lessons:list': async () => lessonService.list(),
    'lessons:get': async ({ id }) => lessonService.get(id),
    'lessons:start': async ({ id }) => lessonService.start(id),
    'lessons:check': async ({ id }) => lessonService.check(id),
    'lessons:reveal-hint': async ({ id, stepId }) => lessonService.revealHint(id, stepId),
    'lessons:show-solution': async ({ id }) => lessonService.showSolution(id),
    'lessons:reset': async ({ id, scope }) => lessonService.reset(id, scope),
    'lessons:submit-answer': async ({ id, stepId, value }) => lessonService.submitAnswer(id, stepId, value),
    'quiz:list-exams': async () => quiz.listExams(),
    'quiz:start': async (input) => quiz.start(input),
    'quiz:answer': async ({ attemptId, questionId, choiceIds }) => quiz.answer(attemptId, questionId, choiceIds),
    'quiz:flag': async ({ attemptId, questionId, flagged }) => quiz.flag(attemptId, questionId, flagged),
    'quiz:submit': async ({ attemptId }) => quiz.submit(attemptId),
    'quiz:get-attempt': async ({ attemptId }) => quiz.get(attemptId),
    'quiz:list-attempts': async (filter) => quiz.list(filter),
  } satisfies LabApi;

  return {
    api,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    recoveredFrom: store.recoveredFrom,
    lessons: {
      content,
      expectedAnswer: (lessonId, stepId) => lessonService.expectedAnswer(lessonId, stepId),
    },
    async close() {
      listeners.clear();
      await runner.close();
      store.close();
    },
  };
}

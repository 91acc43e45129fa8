import { z } from 'zod';
import { FunctionSummary } from './functions.ts';
import { InvocationListItem } from './invocations.ts';
import { LessonProgress, StepCheckResult } from './lessons.ts';

/** Push events the engine sends over the WebSocket. */
export const PushEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('invocation:finished'), invocation: InvocationListItem }),
  z.object({ type: z.literal('function:changed'), function: FunctionSummary }),
  /** A function was deleted; `functions:restore` brings it back until `restorableUntil` (a `function:changed` then follows). */
  z.object({ type: z.literal('function:deleted'), name: z.string(), restorableUntil: z.string() }),
  /** A function was renamed (a `function:changed` for the new name follows). */
  z.object({ type: z.literal('function:renamed'), from: z.string(), to: z.string() }),
  z.object({
    type: z.literal('environment:changed'),
    functionName: z.string(),
    environmentId: z.string(),
    state: z.enum(['started', 'reclaimed']),
  }),
  /**
   * Live check marks: an invocation or a change to a lesson's function made a step of an active
   * lesson pass (sent only when something newly passed).
   */
  z.object({
    type: z.literal('lessons:progress'),
    lessonId: z.string(),
    newlyPassed: z.array(z.string()),
    steps: z.array(StepCheckResult),
    completed: z.boolean(),
    progress: LessonProgress,
  }),
]);
export type PushEvent = z.infer<typeof PushEvent>;

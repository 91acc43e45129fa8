import { z } from 'zod';
import { FunctionSummary } from './functions.ts';
import { InvocationListItem } from './invocations.ts';

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
]);
export type PushEvent = z.infer<typeof PushEvent>;

import { z } from 'zod';
import { FunctionSummary } from './functions.ts';
import { InvocationSummary } from './invocations.ts';

/** Push events the engine sends over the WebSocket. */
export const PushEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('invocation:finished'), invocation: InvocationSummary.extend({ seq: z.number().int() }) }),
  z.object({ type: z.literal('function:changed'), function: FunctionSummary }),
  z.object({
    type: z.literal('environment:changed'),
    functionName: z.string(),
    environmentId: z.string(),
    state: z.enum(['started', 'reclaimed']),
  }),
]);
export type PushEvent = z.infer<typeof PushEvent>;

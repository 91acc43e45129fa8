import { z } from 'zod';
import { FunctionName, Runtime } from './functions.ts';

export const InvocationStatus = z.enum(['success', 'error', 'timeout']);
export type InvocationStatus = z.infer<typeof InvocationStatus>;

/** Lambda's error response shape: `{errorType, errorMessage, trace}`. */
export const InvokeError = z.object({
  errorType: z.string(),
  errorMessage: z.string(),
  trace: z.array(z.string()),
});
export type InvokeError = z.infer<typeof InvokeError>;

export const InvocationSummary = z.object({
  requestId: z.string(),
  functionName: FunctionName,
  status: InvocationStatus,
  errorType: z.string().optional(),
  startedAt: z.string(),
  durationMs: z.number(),
  billedDurationMs: z.number(),
  initDurationMs: z.number().optional(),
  coldStart: z.boolean(),
});
export type InvocationSummary = z.infer<typeof InvocationSummary>;

export const InvocationRecord = InvocationSummary.extend({
  runtime: Runtime,
  environmentId: z.string(),
  /** The event as the caller sent it (JSON text). */
  event: z.string(),
  /** The function's response as JSON text (Lambda's wire form), present on success. */
  response: z.string().optional(),
  error: InvokeError.optional(),
  /** The invocation's log output, exactly as Lambda would write it to CloudWatch Logs. */
  logs: z.string(),
  memorySizeMB: z.number(),
  maxMemoryUsedMB: z.number(),
});
export type InvocationRecord = z.infer<typeof InvocationRecord>;

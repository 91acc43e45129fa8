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
  /**
   * Estimated price of this invocation in USD (request + duration + ephemeral storage above 512 MB,
   * first price tier, free tier not deducted; see sandbox/observe/billing.ts). Always present in what
   * the engine sends (`invocations:list`, `invocations:get`, `invoke:run`, `invocation:finished`);
   * optional in this shared type only so that clients may build summaries of their own.
   */
  costUsd: z.number().optional(),
});
export type InvocationSummary = z.infer<typeof InvocationSummary>;

/** A summary as the engine sends it: with its history position (`seq`) and its cost. */
export const InvocationListItem = InvocationSummary.extend({
  /** Position in the history (grows with each recorded invocation): the keyset cursor for `beforeSeq`. */
  seq: z.number().int(),
  costUsd: z.number(),
});
export type InvocationListItem = z.infer<typeof InvocationListItem>;

export const InvocationRecord = InvocationSummary.extend({
  costUsd: z.number(),
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

/** ISO 8601 date-time with `Z` or an offset, e.g. `2026-05-01T12:00:00Z` or `2026-05-01T14:00:00.000+02:00`. */
const IsoTime = z.iso.datetime({ offset: true, message: 'Expected an ISO 8601 date-time such as 2026-05-01T12:00:00Z' });

/** Which invocations to list or count (all filters are optional and combine with AND). */
export const invocationFilterShape = {
  functionName: FunctionName.optional(),
  status: InvocationStatus.optional(),
  /** true: only cold starts (with INIT); false: only warm invocations. */
  coldStart: z.boolean().optional(),
  /** Started at or after this time (inclusive). */
  from: IsoTime.optional(),
  /** Started before this time (exclusive). */
  to: IsoTime.optional(),
};
export const InvocationFilter = z.object(invocationFilterShape);
export type InvocationFilter = z.infer<typeof InvocationFilter>;

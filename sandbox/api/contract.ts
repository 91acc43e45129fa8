import { z } from 'zod';
import { FunctionConfigChanges, FunctionDetail, FunctionFile, FunctionName, FunctionSummary } from './functions.ts';
import { InvocationRecord, InvocationStatus, InvocationSummary } from './invocations.ts';
import { RUNTIMES } from './limits.ts';

/**
 * THE contract: every call the UI (or any client) can make to the engine, declared once.
 * The host's router and the renderer's client are both derived from this object.
 * Names follow `domain:verb-noun`.
 */
export const contract = {
  'lab:get-info': {
    input: z.object({}),
    output: z.object({
      version: z.string(),
      dataDir: z.string(),
      runtimes: z.array(z.enum(RUNTIMES)),
      /** Highest isolate heap this machine gives a function, whatever its memory setting. */
      memoryCapMB: z.number(),
    }),
  },
  'functions:list': {
    input: z.object({}),
    output: z.array(FunctionSummary),
  },
  'functions:get': {
    input: z.object({ name: FunctionName }),
    output: FunctionDetail,
  },
  'functions:create': {
    input: z.object({
      name: FunctionName,
      description: z.string().max(256).default(''),
      /** Settings that differ from Lambda's defaults. */
      config: FunctionConfigChanges.default({}),
      files: z.array(FunctionFile).min(1, 'A function needs at least one file').max(200),
    }),
    output: FunctionDetail,
  },
  'functions:save-code': {
    input: z.object({
      name: FunctionName,
      files: z.array(FunctionFile).min(1, 'A function needs at least one file').max(200),
    }),
    output: FunctionDetail,
  },
  'functions:update-config': {
    input: z.object({
      name: FunctionName,
      /** Only the settings to change; the rest keep their values. */
      config: FunctionConfigChanges,
    }),
    output: FunctionDetail,
  },
  'invoke:run': {
    input: z.object({
      functionName: FunctionName,
      /** The event as JSON text, exactly as typed; the engine checks that it parses. */
      event: z.string(),
    }),
    output: InvocationRecord,
  },
  'invocations:list': {
    input: z.object({
      functionName: FunctionName.optional(),
      status: InvocationStatus.optional(),
      limit: z.number().int().min(1).max(1000).default(100),
      /** Return invocations older than this cursor (the `seq` of the last row seen). */
      beforeSeq: z.number().int().optional(),
    }),
    output: z.array(InvocationSummary.extend({ seq: z.number().int() })),
  },
  'invocations:get': {
    input: z.object({ requestId: z.string().min(1).max(64) }),
    output: InvocationRecord,
  },
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Contract[N]['output']>;
export type ParsedCallInput<N extends CallName> = z.output<Contract[N]['input']>;

export const CALL_NAMES = Object.keys(contract) as CallName[];
export function isCallName(name: string): name is CallName {
  return Object.hasOwn(contract, name);
}

/** An object with one async method per call: what the engine implements and what the client offers. */
export type LabApi = { [N in CallName]: (input: ParsedCallInput<N>) => Promise<CallOutput<N>> };
export type LabClientApi = { [N in CallName]: (input: CallInput<N>) => Promise<CallOutput<N>> };

/** HTTP route of a call: `POST /api/<name>`. */
export const callPath = (name: CallName): string => `/api/${name}`;
export const EVENTS_PATH = '/api/events';
export const TOKEN_HEADER = 'x-lab-token';

// Lambda's error shapes, produced inside the isolate (RIC3 Errors.js for nodejs20/22,
// RIC4 utils/error.ts for nodejs24). Strings are bounded here, under the isolate's limits,
// so the runner only ever receives short primitive strings.
import {
  ErrorCtor, JSONStringify, ObjectDefineProperty, ObjectHasOwn, ObjectPrototypeToString, StringCtor, push,
  StringPrototypeReplace, StringPrototypeSlice, StringPrototypeSplit, call,
} from './intrinsics.ts';

export interface RapidError {
  errorType: string;
  errorMessage: string;
  trace: string[];
}

/** Longest errorMessage / trace line the lab keeps. */
const MAX_FIELD = 64 * 1024;
const MAX_TRACE_LINES = 200;
/** All trace lines together: an error response stays far below Lambda's 6 MB payload limit. */
const MAX_TRACE_CHARS = 256 * 1024;

export function bound(s: string): string {
  return s.length > MAX_FIELD ? `${call(StringPrototypeSlice, s, 0, MAX_FIELD) as string}... [truncated by Lambda Lab]` : s;
}

/** A Runtime.* error raised by the lab's runtime itself (name set like RIC does). */
export function runtimeError(type: string, message: string, stack?: string): Error {
  const e = new ErrorCtor(message);
  // RIC sets the name on the error class's prototype, so it is not an own enumerable property
  // (and does not appear again in the formatted `Invoke Error` JSON).
  ObjectDefineProperty(e, 'name', { value: `Runtime.${type}`, writable: true, enumerable: false, configurable: true });
  e.stack = stack ?? `Runtime.${type}: ${message}`;
  return e;
}

function isNativeError(v: unknown): v is Error {
  return typeof v === 'object' && v !== null && call(ObjectPrototypeToString, v) === '[object Error]';
}

function duckError(v: unknown): v is Error {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as { name?: unknown; message?: unknown; stack?: unknown };
  return !!(o.name && o.message && o.stack && typeof o.name === 'string' && typeof o.message === 'string' && typeof o.stack === 'string');
}

function splitTrace(stack: unknown): string[] {
  if (typeof stack !== 'string') return [];
  const lines = call(StringPrototypeSplit, stack, '\n') as string[];
  const out: string[] = [];
  let total = 0;
  for (let i = 0; i < lines.length && i < MAX_TRACE_LINES; i++) {
    const line = bound(lines[i] as string);
    total += line.length;
    if (total > MAX_TRACE_CHARS) break;
    push(out, line);
  }
  return out;
}

/** The invoke error response: `{errorType, errorMessage, trace}`. */
export function toRapidResponse(error: unknown, nodejs24: boolean): RapidError {
  try {
    if (nodejs24 ? error instanceof ErrorCtor : isNativeError(error) || duckError(error)) {
      const e = error as Error;
      const name = e.name;
      const message = e.message;
      return {
        errorType: bound(nodejs24 ? replaceDel(StringCtor(name)) : StringCtor(name)),
        errorMessage: bound(nodejs24 ? replaceDel(StringCtor(message)) : StringCtor(message)),
        trace: splitTrace(e.stack),
      };
    }
    return {
      errorType: typeof error,
      errorMessage: bound(nodejs24 ? StringCtor(error) : StringCtor((error as { toString(): string }).toString())),
      trace: [],
    };
  } catch {
    return {
      errorType: 'handled',
      errorMessage:
        'callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack',
      trace: [],
    };
  }
}

function replaceDel(s: string): string {
  return call(StringPrototypeReplace, s, /\x7F/g, '%7F') as string;
}

/** RIC's intoError: non-Errors become `new Error(value)` for logging. */
export function intoError(err: unknown): Error {
  if (err instanceof ErrorCtor) return err;
  return new ErrorCtor(StringCtor(err));
}

/** RIC's toFormatted: a tab, then the error as JSON with its enumerable own properties. */
export function toFormatted(error: Error, nodejs24: boolean): string {
  try {
    return `\t${JSONStringify(error, (_k, v: unknown) => withEnumerableProperties(v))}`;
  } catch {
    return `\t${JSONStringify(toRapidResponse(error, nodejs24))}`;
  }
}

function withEnumerableProperties(error: unknown): unknown {
  if (error instanceof ErrorCtor) {
    const ret: Record<string, unknown> = {
      errorType: error.name,
      errorMessage: error.message,
      code: (error as Error & { code?: unknown }).code,
    };
    for (const key in error) {
      if (ObjectHasOwn(error, key)) ret[key] = (error as unknown as Record<string, unknown>)[key];
    }
    if (typeof error.stack === 'string') ret['stack'] = call(StringPrototypeSplit, error.stack, '\n');
    return ret;
  }
  return error;
}


// Console capture in Lambda's formats (RIC LogPatch): one console call = one log event.
// Text: `time\trequestId\tLEVEL\tmessage` with newlines turned into '\r';
// JSON: {"timestamp","level","requestId","message"...}. Events go to the shared log buffer.
import {
  LOG_DROPPED_BYTES, LOG_DROPPED_EVENTS, LOG_HEADER_BYTES, LOG_WRITE_OFFSET, MAX_LOG_EVENT_BYTES,
} from './log-buffer-layout.ts';
import {
  DateCtor, DatePrototypeToISOString, ErrorCtor, JSONStringify, ObjectGetPrototypeOf, ObjectGetOwnPropertyDescriptor,
  StringCtor, StringPrototypeReplace, StringPrototypeSlice, StringPrototypeSplit, call,
} from './intrinsics.ts';
import { formatArgs } from './inspect.ts';
import { encodeInto, utf8Length } from './utf8.ts';

export const LEVELS = { TRACE: 1, DEBUG: 2, INFO: 3, WARN: 4, ERROR: 5, FATAL: 6 } as const;
export type Level = keyof typeof LEVELS;

const AtomicsStore = Atomics.store;
const AtomicsLoad = Atomics.load;
const AtomicsAdd = Atomics.add;

export class LogSink {
  private readonly bytes: Uint8Array;
  private readonly header: Int32Array;
  requestId: string | undefined = undefined;
  constructor(
    buffer: SharedArrayBuffer,
    readonly format: 'Text' | 'JSON',
    readonly minLevel: number,
  ) {
    this.bytes = new Uint8Array(buffer);
    this.header = new Int32Array(buffer, 0, 4);
  }

  /** Writes one log event (already formatted) plus a newline; drops it if the buffer is full. */
  writeEvent(line: string): void {
    let text = line;
    if (text.length > MAX_LOG_EVENT_BYTES) text = call(StringPrototypeSlice, text, 0, MAX_LOG_EVENT_BYTES) as string;
    const offset = AtomicsLoad(this.header, LOG_WRITE_OFFSET);
    const start = LOG_HEADER_BYTES + offset;
    const written = encodeInto(text + '\n', this.bytes, start, this.bytes.length);
    if (written < 0) {
      AtomicsAdd(this.header, LOG_DROPPED_BYTES, utf8Length(text) + 1);
      AtomicsAdd(this.header, LOG_DROPPED_EVENTS, 1);
      return;
    }
    AtomicsStore(this.header, LOG_WRITE_OFFSET, offset + written);
  }

  /** Raw stdout/stderr text (process.stdout.write, console.dir): each line is its own event. */
  writeRaw(text: string): void {
    const parts = call(StringPrototypeSplit, text, '\n') as string[];
    const n = parts.length;
    for (let i = 0; i < n; i++) {
      const part = parts[i] as string;
      if (i === n - 1 && part === '') break;
      this.writeEvent(part);
    }
  }

  log(level: Level, args: unknown[]): void {
    if (LEVELS[level] < this.minLevel) return;
    const time = call(DatePrototypeToISOString, new DateCtor()) as string;
    const requestId = this.requestId;
    if (this.format === 'JSON') {
      this.writeEvent(call(StringPrototypeReplace, formatJsonMessage(time, requestId, level, args), /\n/g, '\r') as string);
    } else {
      const message = formatArgs({}, args);
      this.writeEvent(`${time}\t${StringCtor(requestId)}\t${level}\t${call(StringPrototypeReplace, message, /\n/g, '\r') as string}`);
    }
  }
}

function isError(v: unknown): v is Error {
  return v instanceof ErrorCtor;
}

function constructorName(v: object): string {
  try {
    const proto = ObjectGetPrototypeOf(v) as object | null;
    const ctor = proto === null ? undefined : (ObjectGetOwnPropertyDescriptor(proto, 'constructor')?.value as { name?: unknown } | undefined);
    return typeof ctor?.name === 'string' ? ctor.name : 'UnknownError';
  } catch {
    return 'UnknownError';
  }
}

const jsonErrorReplacer = (_key: string, value: unknown): unknown => {
  if (isError(value)) {
    const stack = value.stack;
    return {
      errorType: constructorName(value),
      errorMessage: value.message,
      stackTrace: typeof stack === 'string' ? call(StringPrototypeSplit, stack, '\n') : stack,
      ...value,
    };
  }
  return value;
};

/** RIC's formatJsonMessage: one argument is embedded as JSON; several are util.format-ed. */
function formatJsonMessage(timestamp: string, requestId: string | undefined, level: Level, args: unknown[]): string {
  const result: Record<string, unknown> = { timestamp, level, requestId };
  if (args.length === 1) {
    result['message'] = args[0];
    try {
      return JSONStringify(result, jsonErrorReplacer);
    } catch {
      result['message'] = formatArgs({}, [result['message']]);
      return JSONStringify(result);
    }
  }
  result['message'] = formatArgs({}, args);
  for (let i = 0; i < args.length; i++) {
    const param = args[i];
    if (isError(param)) {
      const stack = param.stack;
      result['errorType'] = constructorName(param);
      result['errorMessage'] = param.message;
      result['stackTrace'] = typeof stack === 'string' ? call(StringPrototypeSplit, stack, '\n') : [];
      break;
    }
  }
  return JSONStringify(result);
}

// Reads what the glue reports after each entry into the isolate. The glue builds it from
// primitives, but the isolate is hostile ground: every field is checked and bounded here,
// and anything malformed is refused (the runner then ends the environment).
import type { RapidError } from './isolate/errors.ts';
import type { Outcome, TurnOutput } from './isolate/glue-api.ts';
import type { TimerOp } from './isolate/timers.ts';

/** The response JSON may be up to Lambda's 6 MB; nothing else in a turn is that large. */
const MAX_RESPONSE_CHARS = 6_291_556;
const MAX_HEAD_CHARS = 4 * 1024 * 1024;
const MAX_FIELD = 64 * 1024;
const MAX_TRACE_LINES = 200;

export interface ParsedTurn {
  kind: 'ok';
  out: TurnOutput;
  response?: string;
}

const isInt = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n);
const bounded = (v: unknown): string | undefined => (typeof v === 'string' ? (v.length > MAX_FIELD ? `${v.slice(0, MAX_FIELD)}... [truncated by Lambda Lab]` : v) : undefined);

function rapidError(v: unknown): RapidError | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const o = v as Record<string, unknown>;
  const errorType = bounded(o['errorType']);
  const errorMessage = bounded(o['errorMessage']);
  if (errorType === undefined || errorMessage === undefined || !Array.isArray(o['trace'])) return undefined;
  const trace: string[] = [];
  for (const line of (o['trace'] as unknown[]).slice(0, MAX_TRACE_LINES)) {
    const l = bounded(line);
    if (l === undefined) return undefined;
    trace.push(l);
  }
  return { errorType, errorMessage, trace };
}

function outcome(v: unknown): Outcome | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const o = v as Record<string, unknown>;
  if (o['ok'] === true) return { ok: true };
  if (o['ok'] !== false) return undefined;
  const error = rapidError(o['error']);
  return error === undefined ? undefined : { ok: false, error };
}

function timerOp(v: unknown): TimerOp | undefined {
  if (!Array.isArray(v)) return undefined;
  const [kind, id, a, b] = v as unknown[];
  if (!isInt(id) || id < 1) return undefined;
  if (kind === 's' && isInt(a) && a >= -1 && a <= 2 ** 31 - 1 && (b === 0 || b === 1)) return ['s', id, a, b];
  if (kind === 'c' && v.length === 2) return ['c', id];
  if (kind === 'r' && (a === 0 || a === 1)) return ['r', id, a];
  return undefined;
}

/** Parses `<json header>[\n<response JSON>]`; undefined when anything is out of shape. */
export function parseTurn(raw: unknown): ParsedTurn | undefined {
  if (typeof raw !== 'string') return undefined;
  const nl = raw.indexOf('\n');
  const head = nl < 0 ? raw : raw.slice(0, nl);
  if (head.length > MAX_HEAD_CHARS) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(head);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || !Array.isArray((parsed as { ops?: unknown }).ops)) return undefined;
  const o = parsed as Record<string, unknown>;
  const ops: TimerOp[] = [];
  for (const op of o['ops'] as unknown[]) {
    const checked = timerOp(op);
    if (checked === undefined) return undefined;
    ops.push(checked);
  }
  const out: TurnOutput = { ops };
  for (const key of ['outcome', 'init'] as const) {
    if (o[key] === undefined) continue;
    const checked = outcome(o[key]);
    if (checked === undefined) return undefined;
    out[key] = checked;
  }
  if (o['uncaught'] !== undefined) {
    const checked = rapidError(o['uncaught']);
    if (checked === undefined) return undefined;
    out.uncaught = checked;
  }
  if (o['exit'] !== undefined) {
    if (!isInt(o['exit']) || o['exit'] < 0 || o['exit'] > 255) return undefined;
    out.exit = o['exit'];
  }
  if (o['deferred'] === true) out.deferred = true;
  if (o['oom'] === true) out.oom = true;
  if (o['esmReady'] === true) out.esmReady = true;
  if (nl < 0) return { kind: 'ok', out };
  const response = raw.slice(nl + 1);
  if (response.length > MAX_RESPONSE_CHARS) return undefined;
  return { kind: 'ok', out, response };
}

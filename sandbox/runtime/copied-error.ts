// Errors that isolated-vm copies out of the isolate (ES module evaluation, unhandled
// rejections) carry host frames after the `(<isolated-vm boundary>)` line. Only the
// function's own part may go back to the function or into its logs, and only bounded.

const MAX_FIELD = 64 * 1024;
const MAX_LINES = 200;

export interface CopiedError {
  name: string;
  message: string;
  /** The stack as the function's code saw it: no host frames. */
  stack: string;
}

const bound = (s: string): string => (s.length > MAX_FIELD ? `${s.slice(0, MAX_FIELD)}... [truncated by Lambda Lab]` : s);

/** Keeps frames of the function's files, the lab's runtime and Node internals; drops host frames. */
function sandboxFrames(stack: string): string[] {
  const out: string[] = [];
  for (const line of stack.split('\n').slice(0, MAX_LINES)) {
    if (line.includes('<isolated-vm boundary>')) break;
    const frame = /^\s+at /.test(line);
    if (frame && !/(\/var\/task\/|file:\/\/\/var\/|node:internal|<anonymous>|native)/.test(line)) continue;
    out.push(bound(line));
  }
  return out;
}

export function copiedError(e: unknown): CopiedError {
  if (e instanceof Error) {
    const name = bound(String(e.name));
    const message = bound(String(e.message));
    const lines = typeof e.stack === 'string' ? sandboxFrames(e.stack) : [];
    return { name, message, stack: lines.length > 0 ? lines.join('\n') : `${name}: ${message}` };
  }
  const text = bound(String(e));
  return { name: 'Error', message: text, stack: text };
}

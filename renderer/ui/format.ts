// How invocation facts read on screen, shared by the result and history panels. Pure (no DOM),
// so the Node unit tests can use it too.

/** Durations as Lambda's REPORT line writes them: two decimals. */
export function formatMs(ms: number): string {
  return `${ms.toFixed(2)} ms`;
}

/** Whole milliseconds (billed duration). */
export function formatWholeMs(ms: number): string {
  return `${Math.round(ms)} ms`;
}

/** A duration for a sentence: "41 ms", "1.2 s", "3 s". */
export function formatDurationWords(ms: number): string {
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  return Number.isInteger(s) ? `${s} s` : `${s.toFixed(s < 10 ? 2 : 1).replace(/\.?0+$/, '')} s`;
}

/** A price in US dollars with enough decimals for a single invocation: "$0.0000002083", "$0.21". */
export function formatUsd(usd: number): string {
  if (usd === 0) return '$0';
  if (usd >= 0.01) return `$${usd.toFixed(2)}`;
  const fixed = usd.toFixed(10).replace(/0+$/, '');
  return `$${fixed.endsWith('.') ? `${fixed}00` : fixed}`;
}

/** "1,234" */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Local wall-clock time, HH:MM:SS. */
export function formatClock(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** Local date and time, YYYY-MM-DD HH:MM:SS. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${formatClock(iso)}`;
}

/** Pretty-prints JSON text; text that does not parse is shown as it is. */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

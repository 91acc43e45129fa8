// Checks the event text as the user types: null when it is valid JSON, else the message to show.

/** Line and column (1-based) of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: before.length - lastBreak };
}

function where(text: string, message: string): string {
  if (/\bline \d+/i.test(message)) return ''; // the engine already said where
  const position = /\bposition (\d+)/i.exec(message)?.[1];
  const offset = position !== undefined ? Number(position) : /end of (JSON )?input/i.test(message) ? text.length : undefined;
  if (offset === undefined) return '';
  const { line, column } = lineAndColumn(text, offset);
  return ` (line ${line}, column ${column})`;
}

/** `Invalid JSON: <parser message> (line L, column C)`, or null when the text parses. */
export function jsonProblem(text: string): string | null {
  try {
    JSON.parse(text);
    return null;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return `Invalid JSON: ${message}${where(text, message)}`;
  }
}

// Why an event text cannot be sent, with the line and column of the first error. Pure.
import { checkJson, SYNC_PAYLOAD_BYTES } from '../../../sandbox/api/index.ts';

export interface EventProblem {
  /** "Invalid JSON: Expected ',' or '}' after a property value (line 3, column 5)". */
  message: string;
  line: number;
  column: number;
  offset: number;
}

export function eventProblem(text: string): EventProblem | null {
  if (text.length > SYNC_PAYLOAD_BYTES / 4 && new TextEncoder().encode(text).length > SYNC_PAYLOAD_BYTES) {
    return { message: `The event is larger than ${SYNC_PAYLOAD_BYTES} bytes, the most a synchronous invoke accepts`, line: 1, column: 1, offset: 0 };
  }
  const check = checkJson(text);
  if (check.ok) return null;
  return { message: `Invalid JSON: ${check.message} (line ${check.line}, column ${check.column})`, line: check.line, column: check.column, offset: check.offset };
}

/** The Lambda console's hello-world test event. */
export const DEFAULT_EVENT = '{\n  "key1": "value1",\n  "key2": "value2",\n  "key3": "value3"\n}';

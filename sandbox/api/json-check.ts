// Checks JSON text and says where it is wrong (line and column), the same way in the UI and in
// the engine. Pure TypeScript (no Node, no DOM): JSON.parse decides validity; when it fails, a
// small scanner finds the first error, because engines word (and place) their errors differently.

export type JsonCheckResult =
  | { ok: true }
  | {
      ok: false;
      /** What is wrong, for a person, e.g. "Expected ',' or '}' after a property value, found '\"'". */
      message: string;
      /** 1-based line of the error. */
      line: number;
      /** 1-based column, counted in UTF-16 code units (as editors such as Monaco count them). */
      column: number;
      /** 0-based offset of the error in the text. */
      offset: number;
    };

export function checkJson(text: string): JsonCheckResult {
  try {
    JSON.parse(text);
    return { ok: true };
  } catch (e) {
    const found = findJsonError(text) ?? { offset: 0, message: e instanceof Error ? e.message : String(e) };
    return { ok: false, message: found.message, offset: found.offset, ...lineAndColumn(text, found.offset) };
  }
}

/** 1-based line and column of an offset; `\r\n`, `\n` and a lone `\r` each end a line. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

interface Found {
  offset: number;
  message: string;
}

type State = 'value' | 'first-element' | 'element-after-comma' | 'first-key' | 'key' | 'colon' | 'after-value';

/** The first syntax error of a JSON text (RFC 8259, as JSON.parse reads it), or undefined if there is none. */
function findJsonError(text: string): Found | undefined {
  const n = text.length;
  if (text.trim() === '') return { offset: n, message: 'The text is empty: expected a JSON value' };
  const stack: ('{' | '[')[] = [];
  let i = 0;
  let state: State = 'value';

  const skipWhitespace = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return;
      i++;
    }
  };

  const scanString = (): Found | undefined => {
    const start = i;
    i++; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return undefined;
      }
      if (c === 92) {
        const e = text[i + 1];
        if (e === undefined) break;
        if ('"\\/bfnrt'.includes(e)) {
          i += 2;
          continue;
        }
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9A-Fa-f]{4}$/.test(hex)) return { offset: i, message: `Invalid escape sequence '\\u${hex}': \\u needs four hexadecimal digits` };
          i += 6;
          continue;
        }
        return { offset: i, message: `Invalid escape sequence '\\${e}' in a string (valid: \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)` };
      }
      if (c < 0x20) {
        if (c === 10 || c === 13) return { offset: i, message: 'Unterminated string: the closing quote (") is missing, or a line break inside a string must be written as \\n' };
        return { offset: i, message: `Control character ${codePoint(c)} must be escaped inside a string` };
      }
      i++;
    }
    return { offset: start, message: 'Unterminated string: the closing quote (") is missing' };
  };

  const scanNumber = (): Found | undefined => {
    if (text[i] === '-') i++;
    if (!isDigit(text[i])) return { offset: i, message: "Invalid number: expected a digit after '-'" };
    if (text[i] === '0') {
      i++;
      if (isDigit(text[i])) return { offset: i - 1, message: 'Invalid number: leading zeros are not allowed' };
    } else {
      while (isDigit(text[i])) i++;
    }
    if (text[i] === '.') {
      i++;
      if (!isDigit(text[i])) return { offset: i, message: "Invalid number: expected a digit after '.'" };
      while (isDigit(text[i])) i++;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!isDigit(text[i])) return { offset: i, message: 'Invalid number: expected a digit in the exponent' };
      while (isDigit(text[i])) i++;
    }
    return undefined;
  };

  const unexpected = (expected: string): Found => {
    if (i >= n) return { offset: n, message: `Unexpected end of the text: expected ${expected}` };
    const c = text[i] as string;
    if (c === "'") return { offset: i, message: 'Strings and property names must use double quotes ("), not single quotes' };
    if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) return { offset: i, message: 'Comments are not allowed in JSON' };
    const word = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(text.slice(i, i + 64))?.[0];
    if (word !== undefined) {
      if (expected.startsWith('a property name')) return { offset: i, message: `Property names must be in double quotes: found ${word}` };
      if (['undefined', 'NaN', 'Infinity'].includes(word)) return { offset: i, message: `${word} is not a JSON value` };
      return { offset: i, message: `Unexpected '${word}': expected ${expected}` };
    }
    return { offset: i, message: `Unexpected ${show(c)}: expected ${expected}` };
  };

  for (;;) {
    skipWhitespace();
    const c = text[i];
    switch (state) {
      case 'first-element':
        if (c === ']') {
          stack.pop();
          i++;
          state = 'after-value';
          continue;
        }
        state = 'value';
        continue;
      case 'element-after-comma':
        if (c === ']') return { offset: i, message: "Trailing comma: JSON does not allow a comma before ']'" };
        state = 'value';
        continue;
      case 'value': {
        if (c === '{') {
          stack.push('{');
          i++;
          state = 'first-key';
          continue;
        }
        if (c === '[') {
          stack.push('[');
          i++;
          state = 'first-element';
          continue;
        }
        let error: Found | undefined;
        if (c === '"') error = scanString();
        else if (c === '-' || isDigit(c)) error = scanNumber();
        else {
          const literal = ['true', 'false', 'null'].find((l) => text.startsWith(l, i) && !/[A-Za-z0-9_$]/.test(text[i + l.length] ?? ''));
          if (literal === undefined) return unexpected('a value');
          i += literal.length;
        }
        if (error !== undefined) return error;
        state = 'after-value';
        continue;
      }
      case 'first-key':
        if (c === '}') {
          stack.pop();
          i++;
          state = 'after-value';
          continue;
        }
        state = 'key';
        if (c !== '"') return unexpected("a property name in double quotes or '}'");
        continue;
      case 'key': {
        if (c === '}') return { offset: i, message: "Trailing comma: JSON does not allow a comma before '}'" };
        if (c !== '"') return unexpected('a property name in double quotes');
        const error = scanString();
        if (error !== undefined) return error;
        state = 'colon';
        continue;
      }
      case 'colon':
        if (c !== ':') return unexpected("':' after the property name");
        i++;
        state = 'value';
        continue;
      case 'after-value': {
        const top = stack[stack.length - 1];
        if (top === undefined) {
          if (i >= n) return undefined;
          return { offset: i, message: `Unexpected ${show(c as string)} after the end of the JSON value` };
        }
        const close = top === '{' ? '}' : ']';
        if (c === close) {
          stack.pop();
          i++;
          continue;
        }
        if (c === ',') {
          i++;
          state = top === '{' ? 'key' : 'element-after-comma';
          continue;
        }
        const where = top === '{' ? 'a property value' : 'an array element';
        if (i >= n) return { offset: n, message: `Unexpected end of the text: expected ',' or '${close}' after ${where}` };
        return { offset: i, message: `Expected ',' or '${close}' after ${where}, found ${show(c as string)}` };
      }
    }
  }
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function codePoint(c: number): string {
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}

function show(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x20 || code === 0x7f) return codePoint(code);
  if (code === 0xfeff) return `${codePoint(code)} (a byte order mark)`;
  if (/\s/.test(c)) return `${codePoint(code)} (a space character JSON does not allow)`;
  return `'${c}'`;
}

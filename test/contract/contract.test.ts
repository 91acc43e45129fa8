// The contract: names, schemas, and the JSON checker shared by the UI and the engine.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CALL_NAMES, checkJson, contract, lineAndColumn, PushEvent } from '../../sandbox/api/index.ts';

describe('contract', () => {
  it('names every call domain:verb-noun, with object inputs', () => {
    for (const name of CALL_NAMES) {
      expect(name).toMatch(/^[a-z]+(-[a-z]+)*:[a-z]+(-[a-z]+)*$/);
      expect(contract[name].input).toBeInstanceOf(z.ZodObject);
    }
    expect(CALL_NAMES).toEqual(expect.arrayContaining([
      'functions:rename', 'functions:duplicate', 'functions:delete', 'functions:restore', 'functions:export', 'functions:import',
      'blueprints:list', 'test-events:list', 'test-events:save', 'test-events:rename', 'test-events:delete', 'test-events:export',
      'test-events:import', 'event-templates:list', 'event-templates:render', 'invocations:count', 'invocations:rerun',
    ]));
  });

  it('validates inputs with Lambda-style messages', () => {
    const save = contract['test-events:save'].input.safeParse({ functionName: 'f', name: 'has space', content: '{}' });
    expect(save.success ? '' : save.error.issues[0]?.message).toBe('Event name may contain only letters, digits, dots (.), hyphens (-) and underscores (_)');
    const long = contract['test-events:save'].input.safeParse({ functionName: 'f', name: 'x'.repeat(26), content: '{}' });
    expect(long.success ? '' : long.error.issues[0]?.message).toBe('Event name must be at most 25 characters');
    const time = contract['invocations:list'].input.safeParse({ from: 'yesterday' });
    expect(time.success ? '' : time.error.issues[0]?.message).toBe('Expected an ISO 8601 date-time such as 2026-05-01T12:00:00Z');
    expect(contract['invocations:list'].input.parse({})).toEqual({ limit: 100 });
    expect(contract['event-templates:render'].input.parse({ service: 's3', type: 'put' })).toEqual({ service: 's3', type: 'put', values: {}, fresh: true });
    expect(contract['functions:update-config'].input.parse({ name: 'f', description: 'd' })).toEqual({ name: 'f', config: {}, description: 'd' });
    const desc = contract['functions:create'].input.safeParse({ name: 'f', description: 'x'.repeat(257) });
    expect(desc.success ? '' : desc.error.issues[0]?.message).toBe('Description must be at most 256 characters');
  });

  it('declares the new push events', () => {
    expect(PushEvent.parse({ type: 'function:deleted', name: 'f', restorableUntil: '2026-05-01T00:00:30.000Z' })).toBeTruthy();
    expect(PushEvent.parse({ type: 'function:renamed', from: 'a', to: 'b' })).toBeTruthy();
  });
});

describe('checkJson', () => {
  const err = (text: string) => {
    const r = checkJson(text);
    return r.ok ? 'ok' : `${r.line}:${r.column} ${r.message}`;
  };

  it('accepts what JSON.parse accepts', () => {
    for (const t of ['{}', '[]', '0', '-1.5e+3', '"a\\u00e9\\n"', ' null ', '{"a":[1,{"b":true}],"c":false}', '\t\r\n[1]\n']) expect(err(t), t).toBe('ok');
  });

  it('says what is wrong and where (1-based line and column)', () => {
    expect(err('')).toBe('1:1 The text is empty: expected a JSON value');
    expect(err('{\n  "a": 1,\n}')).toBe("3:1 Trailing comma: JSON does not allow a comma before '}'");
    expect(err('[1, 2,]')).toBe("1:7 Trailing comma: JSON does not allow a comma before ']'");
    expect(err('{\n  "a": 1\n  "b": 2\n}')).toBe(`3:3 Expected ',' or '}' after a property value, found '"'`);
    expect(err("{'a': 1}")).toBe('1:2 Strings and property names must use double quotes ("), not single quotes');
    expect(err('{a: 1}')).toBe('1:2 Property names must be in double quotes: found a');
    expect(err('{"a" 1}')).toBe("1:6 Unexpected '1': expected ':' after the property name");
    expect(err('{"a": undefined}')).toBe('1:7 undefined is not a JSON value');
    expect(err('// note\n{}')).toBe('1:1 Comments are not allowed in JSON');
    expect(err('{"a": "line\nbreak"}')).toBe('1:12 Unterminated string: the closing quote (") is missing, or a line break inside a string must be written as \\n');
    expect(err('{"a": "open')).toBe('1:7 Unterminated string: the closing quote (") is missing');
    expect(err('"bad \\x escape"')).toBe("1:6 Invalid escape sequence '\\x' in a string (valid: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
    expect(err('[01]')).toBe('1:2 Invalid number: leading zeros are not allowed');
    expect(err('[1.]')).toBe("1:4 Invalid number: expected a digit after '.'");
    expect(err('{"a": 1} x')).toBe("1:10 Unexpected 'x' after the end of the JSON value");
    expect(err('{"a": [1, 2}')).toBe("1:12 Expected ',' or ']' after an array element, found '}'");
    expect(err('{"a": 1')).toBe("1:8 Unexpected end of the text: expected ',' or '}' after a property value");
    expect(err('\uFEFF{}')).toBe("1:1 Unexpected U+FEFF (a byte order mark): expected a value");
    expect(err('{"é": 1,\r\n "b": tru}')).toBe("2:7 Unexpected 'tru': expected a value");
  });

  it('counts lines ending in \\n, \\r\\n or \\r', () => {
    expect(lineAndColumn('a\nb\r\nc\rd', 7)).toEqual({ line: 4, column: 1 });
    expect(lineAndColumn('abc', 2)).toEqual({ line: 1, column: 3 });
  });
});

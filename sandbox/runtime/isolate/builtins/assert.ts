// require('assert') and require('assert/strict'): Node's assertion functions and AssertionError
// (code ERR_ASSERTION), with Node's messages where the lab can produce them (no source text).
import { inspect } from '../inspect.ts';
import {
  ErrorCtor, ObjectDefineProperty, ObjectIs, ObjectKeys, PromiseCtor, PromisePrototypeThen, ReflectApply, StringCtor,
  StringPrototypeSplit, TypeErrorCtor, ArrayPrototypeJoin, call,
} from '../intrinsics.ts';
import {
  codeError, invalidArgType, nameClasses, ObjectPrototypeIsPrototypeOf, RegExpPrototypeExec,
} from './captured.ts';
import { isDeepEqual } from './deep-equal.ts';

const show = (v: unknown): string => inspect(v, { depth: 1000, compact: false, sorted: true, maxArrayLength: Infinity } as never);
const showShort = (v: unknown): string => inspect(v);

interface AssertionErrorOptions {
  message?: unknown;
  actual?: unknown;
  expected?: unknown;
  operator?: string;
  stackStartFn?: unknown;
}

export class AssertionError extends ErrorCtor {
  generatedMessage!: boolean;
  code!: 'ERR_ASSERTION';
  actual: unknown;
  expected: unknown;
  operator: string | undefined;
  constructor(options: AssertionErrorOptions) {
    if (typeof options !== 'object' || options === null) throw invalidArgType('options', 'of type object', options);
    const generated = options.message === undefined || options.message === null;
    super(generated ? buildMessage(options, undefined) : StringCtor(options.message));
    // The stack header reads "AssertionError [ERR_ASSERTION]: ...", as in Node.
    ObjectDefineProperty(this, 'name', { value: 'AssertionError [ERR_ASSERTION]', writable: true, configurable: true, enumerable: false });
    void this.stack;
    ObjectDefineProperty(this, 'name', { value: 'AssertionError', writable: true, configurable: true, enumerable: false });
    this.generatedMessage = generated;
    this.code = 'ERR_ASSERTION';
    if ('actual' in options) this.actual = options.actual;
    if ('expected' in options) this.expected = options.expected;
    this.operator = options.operator;
  }
  override toString(): string {
    return `${this.name} [${this.code}]: ${this.message}`;
  }
}

function lines(s: string): string[] {
  return call(StringPrototypeSplit, s, '\n') as string[];
}

/** A line diff like Node's (longest common subsequence; `+` actual, `-` expected, trailing commas ignored). */
function diff(actual: string[], expected: string[], commas: boolean): string {
  const n = actual.length;
  const m = expected.length;
  const eq = (x: string, y: string): boolean => x === y || (commas && (`${x},` === y || x === `${y},`));
  const out: string[] = [];
  const add = (line: string): void => {
    out[out.length] = line;
  };
  if (n * m > 1_000_000) {
    for (let i = 0; i < n; i++) add(`+ ${actual[i] as string}`);
    for (let j = 0; j < m; j++) add(`- ${expected[j] as string}`);
    return call(ArrayPrototypeJoin, out, '\n') as string;
  }
  const w = m + 1;
  const lcs = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * w + j] = eq(actual[i] as string, expected[j] as string)
        ? (lcs[(i + 1) * w + j + 1] as number) + 1
        : Math.max(lcs[(i + 1) * w + j] as number, lcs[i * w + j + 1] as number);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && eq(actual[i] as string, expected[j] as string)) {
      add(`  ${expected[j] as string}`);
      i++;
      j++;
    } else if (j >= m || (i < n && (lcs[(i + 1) * w + j] as number) >= (lcs[i * w + j + 1] as number))) {
      add(`+ ${actual[i++] as string}`);
    } else add(`- ${expected[j++] as string}`);
  }
  return call(ArrayPrototypeJoin, out, '\n') as string;
}

const isObject = (v: unknown): boolean => (typeof v === 'object' && v !== null) || typeof v === 'function';

/** What follows the header of a strictEqual/deepStrictEqual message: `a !== b`, or a diff. */
function comparison(actual: unknown, expected: unknown, deep: boolean): string {
  const a = show(actual);
  const e = show(expected);
  const al = lines(a);
  const el = lines(e);
  if (al.length === 1 && el.length === 1 && typeof actual !== 'object' && typeof expected !== 'object') return `\n${a} !== ${e}\n`;
  return `+ actual - expected\n\n${diff(al, el, deep)}\n`;
}

/** Node's message for an assertion (`custom` replaces the header where Node keeps the comparison). */
function buildMessage(o: AssertionErrorOptions, custom: string | undefined): string {
  const { actual, expected } = o;
  switch (o.operator) {
    case 'strictEqual': {
      if (isObject(actual) && isObject(expected)) {
        const a = show(actual);
        if (a === show(expected)) return `${custom ?? 'Values have same structure but are not reference-equal:'}\n\n${a}\n`;
        return `${custom ?? 'Expected "actual" to be reference-equal to "expected":'}\n${comparison(actual, expected, false)}`;
      }
      return `${custom ?? 'Expected values to be strictly equal:'}\n${comparison(actual, expected, false)}`;
    }
    case 'deepStrictEqual':
      return `${custom ?? 'Expected values to be strictly deep-equal:'}\n${comparison(actual, expected, true)}`;
  }
  if (custom !== undefined) return custom;
  switch (o.operator) {
    case 'deepEqual':
      return `Expected values to be loosely deep-equal:\n\n${show(actual)}\n\nshould loosely deep-equal\n\n${show(expected)}`;
    case 'notStrictEqual': {
      const e = show(expected);
      return lines(e).length > 1 ? `Expected "actual" to be strictly unequal to:\n\n${e}\n` : `Expected "actual" to be strictly unequal to: ${e}`;
    }
    case 'notDeepStrictEqual':
      return `Expected "actual" not to be strictly deep-equal to:\n\n${show(expected)}\n`;
    case 'notDeepEqual':
      return `Expected "actual" not to be loosely deep-equal to:\n\n${show(expected)}`;
    case '==':
      return `${showShort(actual)} == ${showShort(expected)}`;
    case '!=':
      return `${showShort(actual)} != ${showShort(expected)}`;
    case 'fail':
      return 'Failed';
    default:
      return `${showShort(actual)} ${o.operator ?? '=='} ${showShort(expected)}`;
  }
}

/** Throws the AssertionError (or the user's own Error passed as the message). */
function raise(o: AssertionErrorOptions & { generated?: string }): never {
  if (o.message instanceof ErrorCtor) throw o.message;
  const custom = o.message === undefined || o.message === null ? undefined : StringCtor(o.message);
  const e = new AssertionError({ ...o, message: o.generated !== undefined && custom === undefined ? o.generated : buildMessage(o, custom) });
  e.generatedMessage = custom === undefined;
  throw e;
}

function okCheck(name: string, args: unknown[]): void {
  if (args.length === 0) {
    const e = new AssertionError({ message: `No value argument passed to \`${name}()\``, actual: undefined, expected: true, operator: '==' });
    e.generatedMessage = true;
    throw e;
  }
  if (!args[0]) {
    const message = args[1];
    if (message instanceof ErrorCtor) throw message;
    const e = new AssertionError({
      message: message ?? `The expression evaluated to a falsy value:\n\n  ${name}(${showShort(args[0])})\n`,
      actual: args[0],
      expected: true,
      operator: '==',
    });
    e.generatedMessage = message === undefined;
    throw e;
  }
}

/** Whether a thrown `err` satisfies `expected` (class, RegExp, validation function or object). */
function matches(err: unknown, expected: unknown, fnName: string, message: unknown): true {
  if (expected === undefined) return true;
  if (typeof expected === 'object' && expected !== null && !(expected instanceof RegExp)) {
    const keys = ObjectKeys(expected);
    if (expected instanceof ErrorCtor) {
      keys[keys.length] = 'name';
      keys[keys.length] = 'message';
    }
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as string;
      const want = (expected as Record<string, unknown>)[k];
      const got = typeof err === 'object' && err !== null ? (err as Record<string, unknown>)[k] : undefined;
      const ok = want instanceof RegExp && typeof got === 'string' ? ReflectApply(RegExpPrototypeExec, want, [got]) !== null : isDeepEqual(got, want, true);
      if (!ok) {
        raise({
          message,
          generated: `Expected values to be strictly deep-equal:\n${comparison(got, want, true)}`,
          actual: err,
          expected,
          operator: fnName,
        });
      }
    }
    return true;
  }
  if (expected instanceof RegExp) {
    if (ReflectApply(RegExpPrototypeExec, expected, [StringCtor(err)]) !== null) return true;
    raise({
      message,
      generated: `The input did not match the regular expression ${showShort(expected)}. Input:\n\n${showShort(StringCtor(err))}\n`,
      actual: err,
      expected,
      operator: fnName,
    });
  }
  if (typeof expected !== 'function') throw invalidArgType('expected', 'of type function or an instance of Error, RegExp, or Object', expected);
  const proto = (expected as { prototype?: unknown }).prototype;
  if (proto !== undefined && typeof err === 'object' && err !== null && err instanceof (expected as new () => unknown)) return true;
  if (call(ObjectPrototypeIsPrototypeOf, ErrorCtor, expected)) {
    // An Error class the thrown value is not an instance of.
    let received: string;
    try {
      received = StringCtor((err as { constructor?: { name?: unknown } }).constructor?.name);
    } catch {
      received = typeof err;
    }
    const m = typeof err === 'object' && err !== null ? (err as { message?: unknown }).message : err;
    raise({
      message,
      generated: `The error is expected to be an instance of "${StringCtor((expected as { name?: unknown }).name)}". Received "${received}"\n\nError message:\n\n${StringCtor(m)}`,
      actual: err,
      expected,
      operator: fnName,
    });
  }
  const r = ReflectApply(expected as (e: unknown) => unknown, {}, [err]);
  if (r !== true) {
    const name = (expected as { name?: unknown }).name;
    raise({
      message,
      generated: `The ${typeof name === 'string' && name !== '' ? `"${name}" ` : ''}validation function is expected to return "true". Received ${showShort(r)}`,
      actual: err,
      expected,
      operator: fnName,
    });
  }
  return true;
}

function expectedName(expected: unknown): string {
  if (typeof expected === 'function' && typeof (expected as { name?: unknown }).name === 'string' && (expected as { name: string }).name !== '') {
    return ` (${(expected as { name: string }).name})`;
  }
  return '';
}

function throwsCheck(fnName: string, err: unknown, threw: boolean, expected: unknown, message: unknown): void {
  if (typeof expected === 'string') {
    message = expected;
    expected = undefined;
  }
  if (!threw) {
    raise({
      message: `Missing expected ${fnName === 'rejects' ? 'rejection' : 'exception'}${expectedName(expected)}${message !== undefined ? `: ${StringCtor(message)}` : '.'}`,
      actual: undefined,
      expected,
      operator: fnName,
    });
  }
  matches(err, expected, fnName, message);
}

function notThrowsCheck(fnName: string, err: unknown, threw: boolean, message: unknown): void {
  if (!threw) return;
  const what = fnName === 'doesNotReject' ? 'rejection' : 'exception';
  const m = typeof err === 'object' && err !== null ? (err as { message?: unknown }).message : err;
  raise({
    message: `Got unwanted ${what}${message !== undefined ? `: ${StringCtor(message)}` : '.'}\nActual message: "${StringCtor(m)}"`,
    actual: err,
    operator: fnName,
  });
}

async function settle(value: unknown, fnName: string): Promise<{ threw: boolean; err: unknown }> {
  let p: unknown = value;
  if (typeof value === 'function') {
    p = ReflectApply(value as () => unknown, undefined, []);
    if (typeof p !== 'object' || p === null || typeof (p as { then?: unknown }).then !== 'function') {
      throw codeError(TypeErrorCtor, 'ERR_INVALID_RETURN_VALUE', `Expected instance of Promise to be returned from the "promiseFn" function but got ${p === undefined ? 'undefined' : `type ${typeof p}`}.`);
    }
  } else if (typeof value !== 'object' || value === null || typeof (value as { then?: unknown }).then !== 'function') {
    throw invalidArgType('promiseFn', 'of type function or an instance of Promise', value);
  }
  void fnName;
  return new PromiseCtor((resolve) => {
    call(PromisePrototypeThen, PromiseCtor.resolve(p), () => resolve({ threw: false, err: undefined }), (err: unknown) => resolve({ threw: true, err }));
  });
}

function createAssert(strict: boolean): Record<string, unknown> {
  const assert = function ok(...args: unknown[]): void {
    okCheck('assert', args);
  } as unknown as Record<string, unknown>;
  const api: Record<string, unknown> = {
    AssertionError,
    ok: (...args: unknown[]) => okCheck('assert.ok', args),
    fail(message?: unknown) {
      if (message instanceof ErrorCtor) throw message;
      const e = new AssertionError({ message: message ?? 'Failed', operator: 'fail' });
      e.generatedMessage = message === undefined;
      throw e;
    },
    equal(actual: unknown, expected: unknown, message?: unknown) {
      if (strict ? !ObjectIs(actual, expected) : !(actual == expected || (actual !== actual && expected !== expected))) {
        raise({ message, actual, expected, operator: strict ? 'strictEqual' : '==' });
      }
    },
    notEqual(actual: unknown, expected: unknown, message?: unknown) {
      if (strict ? ObjectIs(actual, expected) : actual == expected || (actual !== actual && expected !== expected)) {
        raise({ message, actual, expected, operator: strict ? 'notStrictEqual' : '!=' });
      }
    },
    strictEqual(actual: unknown, expected: unknown, message?: unknown) {
      if (!ObjectIs(actual, expected)) raise({ message, actual, expected, operator: 'strictEqual' });
    },
    notStrictEqual(actual: unknown, expected: unknown, message?: unknown) {
      if (ObjectIs(actual, expected)) raise({ message, actual, expected, operator: 'notStrictEqual' });
    },
    deepEqual(actual: unknown, expected: unknown, message?: unknown) {
      if (!isDeepEqual(actual, expected, strict)) raise({ message, actual, expected, operator: strict ? 'deepStrictEqual' : 'deepEqual' });
    },
    notDeepEqual(actual: unknown, expected: unknown, message?: unknown) {
      if (isDeepEqual(actual, expected, strict)) raise({ message, actual, expected, operator: strict ? 'notDeepStrictEqual' : 'notDeepEqual' });
    },
    deepStrictEqual(actual: unknown, expected: unknown, message?: unknown) {
      if (!isDeepEqual(actual, expected, true)) raise({ message, actual, expected, operator: 'deepStrictEqual' });
    },
    notDeepStrictEqual(actual: unknown, expected: unknown, message?: unknown) {
      if (isDeepEqual(actual, expected, true)) raise({ message, actual, expected, operator: 'notDeepStrictEqual' });
    },
    throws(fn: unknown, expected?: unknown, message?: unknown) {
      if (typeof fn !== 'function') throw invalidArgType('fn', 'of type function', fn);
      let threw = false;
      let err: unknown;
      try {
        ReflectApply(fn as () => unknown, undefined, []);
      } catch (e) {
        threw = true;
        err = e;
      }
      throwsCheck('throws', err, threw, expected, message);
    },
    doesNotThrow(fn: unknown, _expected?: unknown, message?: unknown) {
      if (typeof fn !== 'function') throw invalidArgType('fn', 'of type function', fn);
      let threw = false;
      let err: unknown;
      try {
        ReflectApply(fn as () => unknown, undefined, []);
      } catch (e) {
        threw = true;
        err = e;
      }
      notThrowsCheck('doesNotThrow', err, threw, typeof _expected === 'string' ? _expected : message);
    },
    async rejects(promiseFn: unknown, expected?: unknown, message?: unknown) {
      const { threw, err } = await settle(promiseFn, 'rejects');
      throwsCheck('rejects', err, threw, expected, message);
    },
    async doesNotReject(promiseFn: unknown, expected?: unknown, message?: unknown) {
      const { threw, err } = await settle(promiseFn, 'doesNotReject');
      notThrowsCheck('doesNotReject', err, threw, typeof expected === 'string' ? expected : message);
    },
    match(value: unknown, regexp: unknown, message?: unknown) {
      if (!(regexp instanceof RegExp)) throw invalidArgType('regexp', 'an instance of RegExp', regexp);
      if (typeof value !== 'string' || ReflectApply(RegExpPrototypeExec, regexp, [value]) === null) {
        raise({
          message,
          generated: (typeof value !== 'string'
            ? `The "string" argument must be of type string. Received type ${typeof value} (${showShort(value)})`
            : `The input did not match the regular expression ${showShort(regexp)}. Input:\n\n${showShort(value)}\n`),
          actual: value,
          expected: regexp,
          operator: 'match',
        });
      }
    },
    doesNotMatch(value: unknown, regexp: unknown, message?: unknown) {
      if (!(regexp instanceof RegExp)) throw invalidArgType('regexp', 'an instance of RegExp', regexp);
      if (typeof value !== 'string' || ReflectApply(RegExpPrototypeExec, regexp, [value]) !== null) {
        raise({
          message,
          generated: (typeof value !== 'string'
            ? `The "string" argument must be of type string. Received type ${typeof value} (${showShort(value)})`
            : `The input was expected to not match the regular expression ${showShort(regexp)}. Input:\n\n${showShort(value)}\n`),
          actual: value,
          expected: regexp,
          operator: 'doesNotMatch',
        });
      }
    },
    ifError(value: unknown) {
      if (value === null || value === undefined) return;
      let m = 'ifError got unwanted exception: ';
      const msg = typeof value === 'object' && typeof (value as { message?: unknown }).message === 'string' ? (value as { message: string }).message : showShort(value);
      m += msg;
      const e = new AssertionError({ message: m, actual: value, expected: null, operator: 'ifError' });
      e.generatedMessage = false;
      throw e;
    },
  };
  const keys = ObjectKeys(api);
  for (let i = 0; i < keys.length; i++) assert[keys[i] as string] = api[keys[i] as string];
  return assert;
}

/** Both flavours share one module object graph: assert.strict is assert/strict, and vice versa. */
export function createAssertModules(): { assert: Record<string, unknown>; strict: Record<string, unknown> } {
  const loose = createAssert(false);
  const strictAssert = createAssert(true);
  loose['strict'] = strictAssert;
  strictAssert['strict'] = strictAssert;
  return { assert: loose, strict: strictAssert };
}

nameClasses({ AssertionError });

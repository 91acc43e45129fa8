// console.log inside the sandbox prints what Node's util.format prints (Lambda's log lines are
// util.format output), checked value by value against this process's own Node.
import { format } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { disposeAll, runOnce } from '../helpers/environments.ts';

afterAll(disposeAll);

/** Expressions evaluated both here and inside the isolate, then formatted by each side. */
const CASES: string[] = [
  `['plain string']`,
  `['%s is %d years and %i%%', 'Ada', 36.5, 42.9]`,
  `['%j and %o', { a: [1, 2] }, [1]]`,
  `['%O', { deep: { er: { than: { two: 1 } } } }]`,
  `[{ a: 1, 'b-c': 2, nested: { x: [1, 'two', null, undefined] } }]`,
  `[[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28]]`,
  `[['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta']]`,
  `[{ aaaaaaaaaa: 'bbbbbbbbbbbbbbbbbbbb', cccccccccccc: 'dddddddddddddddddddd', eeeeeeeeeeee: 'ffffffffffffffffffff', g: 1 }]`,
  `[new Map([['k', { v: 1 }]]), new Set([1, 'a'])]`,
  `[[ , 1, , , 2]]`,
  `[Object.create(null)]`,
  `[function namedFn() {}, () => {}, async function af() {}, class Foo {}, class Bar extends Array {}]`,
  `[Symbol('s'), 10n, -0, NaN, Infinity, null, undefined, true]`,
  `[{ [Symbol('k')]: 1, get g() { return 1; }, set s(v) {} }]`,
  `[new Date(0), /re+gex/gi, new Uint8Array([1, 2, 3]), new ArrayBuffer(3)]`,
  `[(() => { const o = { name: 'loop' }; o.self = o; o.list = [o]; return o; })()]`,
  `["it's", ['it\\'s'], 'line1\\nline2', { s: 'quote"d' }]`,
  `[{ a: { b: { c: { d: { e: 1 } } } } }, [[[[[1]]]]]]`,
  `[new (class Point { constructor() { this.x = 1; this.y = 2; } })()]`,
  `[Object.assign(Object.create({ inherited: 1 }), { own: 2 })]`,
  `[new Number(3), new String('str'), new Boolean(false)]`,
  `[{ undef: undefined, fn() {}, arrow: () => 1 }]`,
  `['%c styled', 'color: red']`,
  `['%d', '42abc', '%i', 'x']`,
  `[Array.from({ length: 120 }, (_, i) => i)]`,
];

describe('console.log formatting matches Node util.format', () => {
  it.each(CASES)('%s', async (expr) => {
    const args = new Function(`return ${expr};`)() as unknown[];
    const expected = format(...args);
    const r = await runOnce({ 'index.mjs': `export const handler = async () => { console.log(...${expr}); };` });
    const line = r.logs.split('\n').find((l) => /\tINFO\t/.test(l)) ?? '';
    expect(line.slice(line.indexOf('\tINFO\t') + 6).replace(/\r/g, '\n')).toBe(expected);
  });
});

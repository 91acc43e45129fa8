// The Node built-ins inside the isolate behave like Node's: the same snippet runs in a real
// isolate and in this (host) Node, and the results must match. Where the lab differs on purpose
// (Lambda's file system, os values), the expected values are spelled out.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { disposeAll, environment, invoke, runOnce, type Files } from '../helpers/environments.ts';
import type { EnvironmentSpec, InvokeResult } from '../../sandbox/runtime/environment.ts';

afterAll(disposeAll);

const hostRequire = createRequire(import.meta.url);
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...a: unknown[]) => Promise<unknown>;

function response(r: InvokeResult): unknown {
  if (r.status !== 'success') throw new Error(`${r.error?.errorType}: ${r.error?.errorMessage}\n${r.error?.trace.join('\n')}\n${r.logs}`);
  return JSON.parse(r.response ?? 'null');
}

/** Runs `body` as the inside of an async CommonJS handler (`require` available) and returns its result. */
async function inIsolate(body: string, files: Files = {}, overrides: Partial<EnvironmentSpec> = {}): Promise<unknown> {
  return response(await runOnce({ 'index.js': `exports.handler = async (event) => {\n${body}\n};`, ...files }, {}, overrides));
}

/** The same snippet in the isolate and in host Node must give the same (JSON) result. */
async function parity(body: string): Promise<unknown> {
  const host = JSON.parse(JSON.stringify(await new AsyncFunction('require', body)(hostRequire)));
  const isolate = await inIsolate(body);
  expect(isolate).toEqual(host);
  return isolate;
}

const errorShape = `const shape = (f) => { try { f(); return 'no error'; } catch (e) { return { name: e.name, message: e.message, code: e.code, ...e }; } };`;

describe('globals', () => {
  it('are installed lazily, and the host capability is out of reach', async () => {
    const r = await inIsolate(`
      const d = (n) => { const x = Object.getOwnPropertyDescriptor(globalThis, n); return x === undefined ? 'missing' : typeof x.get === 'function' ? 'lazy' : 'value'; };
      const before = ['Buffer', 'URL', 'crypto', 'performance', 'TextEncoder', 'structuredClone'].map(d);
      const same = globalThis.Buffer === require('node:buffer').Buffer && globalThis.crypto === require('crypto').webcrypto;
      const after = ['Buffer', 'URL', 'crypto'].map((n) => (globalThis[n], d(n)));
      globalThis.URL = 'replaced';
      return {
        before, after, same, replaced: globalThis.URL,
        host: typeof __lab_host, names: Object.getOwnPropertyNames(globalThis).filter((n) => n.startsWith('__lab')),
        keys: Object.keys(globalThis).filter((k) => ['Buffer', 'URL', 'crypto'].includes(k)),
      };`);
    expect(r).toEqual({
      before: ['lazy', 'lazy', 'lazy', 'lazy', 'lazy', 'lazy'],
      after: ['value', 'value', 'value'],
      same: true,
      replaced: 'replaced',
      host: 'undefined',
      names: [],
      keys: [],
    });
  });

  it('Buffer behaves like Node\'s for everyday use', async () => {
    await parity(`
      const b = Buffer.from('héllo wörld €😀');
      const h = Buffer.from('00ff10', 'hex');
      const out = {
        len: b.length, utf8: b.toString(), hex: b.toString('hex'), b64: b.toString('base64'), b64url: b.toString('base64url'),
        latin1: b.toString('latin1'), ascii: Buffer.from('abc').toString('ascii'), ucs2: Buffer.from('hé', 'utf16le').toString('hex'),
        fromB64: Buffer.from('aMOpbGxv', 'base64').toString(), fromB64url: Buffer.from('_-8', 'base64url').toString('hex'),
        fromLatin1: Buffer.from('\\u00e9', 'latin1').toString('hex'), alloc: Buffer.alloc(4, 'ab').toString(), allocZero: [...Buffer.alloc(3)],
        concat: Buffer.concat([h, Buffer.from([1, 2])]).toString('hex'), compare: [Buffer.compare(h, b), h.compare(h), Buffer.from('a').compare(Buffer.from('b'))],
        equals: [h.equals(Buffer.from([0, 255, 16])), h.equals(b)], slice: b.slice(1, 4).toString('hex'), sub: b.subarray(-4).toString('hex'),
        isBuffer: [Buffer.isBuffer(b), Buffer.isBuffer(new Uint8Array(2))], byteLength: [Buffer.byteLength('€'), Buffer.byteLength('aGk=', 'base64'), Buffer.byteLength('aGk', 'base64url')],
        json: JSON.stringify(h), inst: b instanceof Uint8Array, isEncoding: ['utf8', 'base64url', 'nope'].map((e) => Buffer.isEncoding(e)),
        indexOf: [b.indexOf('l'), b.includes('wör'), b.lastIndexOf('l')],
      };
      const w = Buffer.alloc(12);
      w.writeUInt32BE(0xdeadbeef, 0); w.writeInt16LE(-2, 4); w.writeDoubleBE(1.5, 4);
      out.rw = [w.readUInt32BE(0), w.readUInt32LE(0), w.readUInt16BE(2), w.readDoubleBE(4), w.readInt8(0), w.toString('hex')];
      const big = Buffer.alloc(8); big.writeBigUInt64BE(2n ** 63n + 5n); out.big = big.readBigUInt64BE().toString();
      out.swap = Buffer.from([1, 2, 3, 4]).swap16().toString('hex');
      out.fill = Buffer.alloc(5).fill('xy').toString();
      out.copy = (() => { const t = Buffer.alloc(4); Buffer.from('abcd').copy(t, 1, 0, 2); return t.toString('hex'); })();
      out.fromAB = Buffer.from(new Uint16Array([1, 256]).buffer).toString('hex');
      return out;`);
  });

  it('Buffer prints like Node\'s in logs', async () => {
    const r = await runOnce({ 'index.mjs': `export const handler = async () => { console.log(Buffer.from('hi')); console.log(new URL('https://a.example/x?y=1')); };` });
    expect(r.logs).toContain('\tINFO\t<Buffer 68 69>');
    expect(r.logs).toContain("URL {\r  href: 'https://a.example/x?y=1',\r  origin: 'https://a.example',");
  });

  it('TextEncoder and TextDecoder round-trip non-ASCII text', async () => {
    await parity(`
      ${errorShape}
      const s = 'Grüße, 世界! 😀 \\ud800 end';
      const enc = new TextEncoder();
      const bytes = enc.encode(s);
      const dec = new TextDecoder();
      const stream = new TextDecoder('utf-8');
      const parts = [bytes.slice(0, 9), bytes.slice(9, 15), bytes.slice(15)];
      const streamed = parts.map((p, i) => stream.decode(p, { stream: i < 2 })).join('');
      const into = new Uint8Array(5);
      return {
        bytes: [...bytes], back: dec.decode(bytes), streamed, encoding: [enc.encoding, dec.encoding, new TextDecoder('latin1').encoding, new TextDecoder('UTF-16').encoding],
        into: [enc.encodeInto('a€😀', into), [...into]],
        bom: [new TextDecoder().decode(new Uint8Array([0xef, 0xbb, 0xbf, 65])), new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array([0xef, 0xbb, 0xbf, 65]))],
        invalid: new TextDecoder().decode(new Uint8Array([0xe2, 0x82, 0x41, 0xf0, 0x9f, 0x98, 0xff])),
        fatal: shape(() => new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0xff]))),
        utf16: [new TextDecoder('utf-16le').decode(new Uint8Array([0x3d, 0xd8, 0x00, 0xde, 0x41, 0x00])), new TextDecoder('utf-16le').decode(new Uint8Array([0xff, 0xfe, 0x41, 0x00]))],
        win1252: new TextDecoder('latin1').decode(new Uint8Array([0x80, 0x9f, 0xe9, 0x41])),
        unknown: shape(() => new TextDecoder('nope')).code,
        view: new TextDecoder().decode(new DataView(bytes.buffer, 0, 3)),
      };`);
  });

  it('atob and btoa follow the browser rules', async () => {
    await parity(`
      const shape = (f) => { try { return f(); } catch (e) { return { name: e.name, message: e.message, code: e.code, dom: e instanceof DOMException, error: e instanceof Error }; } };
      return [btoa('hello'), btoa('\\u00ff\\u00fe'), atob('aGVsbG8='), atob(' aGVs bG8 '), atob('aGk'), shape(() => atob('a')), shape(() => atob('@@@@')), shape(() => btoa('€'))];`);
  });

  it('structuredClone copies what Node copies and refuses what Node refuses', async () => {
    await parity(`
      const shape = (f) => { try { f(); return 'cloned'; } catch (e) { return { name: e.name, message: e.message, code: e.code }; } };
      const a = { n: 1, d: new Date(5), r: /x+/gi, m: new Map([[{ k: 1 }, new Set([1, 'two'])]]), big: 10n, s: new String('s'), b: new Boolean(false), num: new Number(3) };
      a.self = a;
      const arr = [1, , 3]; arr.extra = 'x';
      const buf = new ArrayBuffer(8); const u8 = new Uint8Array(buf, 2, 4); const f64 = new Float64Array([1.5]); const dv = new DataView(buf, 1, 2);
      u8[0] = 9;
      const c = structuredClone({ a, arr, u8, u8b: new Uint8Array(buf), f64, dv, err: Object.assign(new RangeError('bad', { cause: 'why' }), { extra: 1 }) });
      class WithPrivate { #secret = 1; visible = 2; }
      return {
        self: c.a.self === c.a, date: [c.a.d instanceof Date, c.a.d.getTime()], re: [c.a.r instanceof RegExp, c.a.r.source, c.a.r.flags],
        map: [c.a.m instanceof Map, [...c.a.m.keys()][0].k, [...[...c.a.m.values()][0]]], big: typeof c.a.big, boxed: [typeof c.a.s, String(c.a.s), c.a.b instanceof Boolean, Number(c.a.num)],
        holes: [c.arr.length, 1 in c.arr, c.arr.extra], sharedBuffer: c.u8.buffer === c.u8b.buffer, u8: [c.u8.byteOffset, c.u8.length, c.u8[0], c.u8 instanceof Uint8Array],
        f64: [...c.f64], dv: [c.dv instanceof DataView, c.dv.byteOffset, c.dv.byteLength],
        err: [c.err instanceof RangeError, c.err.name, c.err.message, c.err.cause, c.err.extra, typeof c.err.stack], private: structuredClone(new WithPrivate()),
        refused: [shape(() => structuredClone(() => 1)), shape(() => structuredClone({ s: Symbol('s') })), shape(() => structuredClone(new WeakMap())),
          shape(() => structuredClone(Promise.resolve())), shape(() => structuredClone(new URL('https://x.example'))), shape(() => structuredClone()).code],
        transfer: (() => { const ab = new ArrayBuffer(4); const t = structuredClone(ab, { transfer: [ab] }); return [ab.byteLength, t.byteLength]; })(),
      };`);
  });

  it('crypto: randomUUID, getRandomValues (with its quota) and subtle.digest', async () => {
    const r = (await inIsolate(`
      const ids = new Set(); for (let i = 0; i < 2000; i++) ids.add(crypto.randomUUID());
      const shape = (f) => { try { f(); return 'ok'; } catch (e) { return { name: e.name, code: e.code, message: e.message, dom: e instanceof DOMException }; } };
      const a = crypto.getRandomValues(new Uint32Array(8));
      const digests = {};
      for (const alg of ['SHA-1', 'SHA-256', 'SHA-384', { name: 'sha-512' }]) digests[alg.name ?? alg] = Buffer.from(await crypto.subtle.digest(alg, new TextEncoder().encode('abc'))).toString('hex');
      let notSupported;
      try { await crypto.subtle.digest('MD5', new Uint8Array(1)); } catch (e) { notSupported = e.name; }
      return { sample: crypto.randomUUID(), unique: ids.size, distinct: new Set(a).size, same: a === crypto.getRandomValues(a),
        quota: shape(() => crypto.getRandomValues(new Uint8Array(65537))), fine: shape(() => crypto.getRandomValues(new Uint8Array(65536))),
        float: shape(() => crypto.getRandomValues(new Float32Array(2))), digests, notSupported };`)) as Record<string, unknown>;
    const hash = (alg: string) => hostRequire('node:crypto').createHash(alg).update('abc').digest('hex') as string;
    expect(r['sample']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(r['unique']).toBe(2000);
    expect(r['distinct']).toBeGreaterThan(6);
    expect(r['same']).toBe(true);
    expect(r['quota']).toEqual({ name: 'QuotaExceededError', code: 22, message: 'The requested length exceeds 65,536 bytes', dom: true });
    expect(r['fine']).toBe('ok');
    expect(r['float']).toEqual({ name: 'TypeMismatchError', code: 17, message: 'The data argument must be an integer-type TypedArray', dom: true });
    expect(r['digests']).toEqual({ 'SHA-1': hash('sha1'), 'SHA-256': hash('sha256'), 'SHA-384': hash('sha384'), 'sha-512': hash('sha512') });
    expect(r['notSupported']).toBe('NotSupportedError');
  });

  it('performance: a clock from the environment start, marks and measures', async () => {
    const before = Date.now();
    const r = (await inIsolate(`
      const t0 = performance.now(); let x = 0; for (let i = 0; i < 1e5; i++) x += i; const t1 = performance.now();
      performance.mark('a'); performance.mark('b');
      const m = performance.measure('a-b', 'a', 'b');
      return { t0, t1, origin: performance.timeOrigin, sum: performance.timeOrigin + t0, m: m.toJSON(), marks: performance.getEntriesByType('mark').map((e) => e.name),
        same: performance === require('perf_hooks').performance };`)) as { t0: number; t1: number; origin: number; sum: number; m: unknown; marks: string[]; same: boolean };
    expect(r.t1).toBeGreaterThan(r.t0);
    expect(r.t0).toBeGreaterThan(0);
    expect(Math.abs(r.sum - Date.now())).toBeLessThan(2_000);
    expect(r.origin).toBeGreaterThanOrEqual(before - 2_000);
    expect(r.m).toMatchObject({ name: 'a-b', entryType: 'measure', detail: null });
    expect(r.marks).toEqual(['a', 'b']);
    expect(r.same).toBe(true);
  });

  it('AbortController, AbortSignal.timeout, EventTarget and DOMException', async () => {
    const r = await inIsolate(`
      const log = [];
      const t = new EventTarget();
      const l = (e) => log.push('fn:' + e.type + ':' + (e.target === t));
      t.addEventListener('ping', l); t.addEventListener('ping', l); t.addEventListener('ping', { handleEvent: () => log.push('obj') }, { once: true });
      t.dispatchEvent(new Event('ping')); t.dispatchEvent(new Event('ping'));
      t.removeEventListener('ping', l); t.dispatchEvent(new Event('ping'));
      const cancel = new Event('c', { cancelable: true }); t.addEventListener('c', (e) => e.preventDefault());
      const notCancelled = t.dispatchEvent(cancel);
      const c = new AbortController(); let fired = 0; c.signal.addEventListener('abort', () => fired++); c.signal.onabort = () => fired++;
      c.abort(); c.abort();
      const reason = c.signal.reason;
      let thrown; try { c.signal.throwIfAborted(); } catch (e) { thrown = e === reason; }
      const timeout = AbortSignal.timeout(20);
      const keepAlive = setTimeout(() => {}, 1000); // the timeout's own timer is unref'd, as in Node
      const waited = await new Promise((resolve) => timeout.addEventListener('abort', () => resolve(timeout.reason)));
      clearTimeout(keepAlive);
      const any = AbortSignal.any([new AbortController().signal, AbortSignal.abort('why')]);
      const d = new DOMException('m', 'NotFoundError');
      let illegal; try { new AbortSignal(); } catch (e) { illegal = e.code; }
      return { log, notCancelled, prevented: cancel.defaultPrevented, fired, aborted: c.signal.aborted, reason: [reason.name, reason.message, reason.code, reason instanceof DOMException, reason instanceof Error],
        thrown, timeout: [waited.name, waited.message, waited.code], any: [any.aborted, any.reason],
        dom: [d.name, d.message, d.code, Object.prototype.toString.call(d), DOMException.NOT_FOUND_ERR, String(d)], illegal,
        custom: new CustomEvent('x', { detail: { a: 1 } }).detail };`);
    expect(r).toEqual({
      log: ['fn:ping:true', 'obj', 'fn:ping:true'],
      notCancelled: false,
      prevented: true,
      fired: 2,
      aborted: true,
      reason: ['AbortError', 'This operation was aborted', 20, true, true],
      thrown: true,
      timeout: ['TimeoutError', 'The operation was aborted due to timeout', 23],
      any: [true, 'why'],
      dom: ['NotFoundError', 'm', 8, '[object DOMException]', 8, 'NotFoundError: m'],
      illegal: 'ERR_ILLEGAL_CONSTRUCTOR',
      custom: { a: 1 },
    });
  });

  it('an unref\'d AbortSignal.timeout does not keep the invocation alive', async () => {
    const r = await runOnce({ 'index.mjs': `export const handler = async () => { AbortSignal.timeout(2000); return 'done'; };` });
    expect(r.response).toBe('"done"');
    expect(r.durationMs).toBeLessThan(1500);
  });

  it('URL and URLSearchParams parse like Node\'s', async () => {
    await parity(`
      const u = new URL('https://user:p%40ss@Example.COM:8080/a/./b/../c%20d?x=1&y=2&x=3#frag');
      const fields = (v) => ({ href: v.href, origin: v.origin, protocol: v.protocol, username: v.username, password: v.password, host: v.host, hostname: v.hostname, port: v.port, pathname: v.pathname, search: v.search, hash: v.hash });
      const p = new URLSearchParams('a=1&b=%20two+words&a=3');
      p.append('c', 'ü&='); p.sort();
      const rel = new URL('../up?q#h', 'http://h.example/one/two/three');
      let invalid; try { new URL('not a url'); } catch (e) { invalid = e instanceof TypeError; }
      u.searchParams.set('y', 'changed');
      return { u: fields(u), all: u.searchParams.getAll('x'), after: u.href, p: p.toString(), entries: [...p], size: p.size, rel: rel.href, invalid,
        file: fields(new URL('file:///var/task/data.json')), json: JSON.stringify({ u: new URL('http://a.example') }), canParse: URL.canParse('x:/y'),
        idn: new URL('http://münchen.example/').hostname, ipv6: new URL('http://[::1]:80/').host };`);
  });
});

describe('require()-able modules', () => {
  it('crypto hashes and HMACs match node:crypto', async () => {
    await parity(`
      const crypto = require('node:crypto');
      const inputs = ['', 'abc', 'héllo wörld 😀'.repeat(50), Buffer.from([0, 1, 2, 255]), new Uint16Array([1, 2, 3]), new DataView(new ArrayBuffer(5))];
      const out = {};
      for (const alg of ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'SHA256', 'sha512-256', 'RSA-SHA1']) {
        out[alg] = inputs.map((d) => crypto.createHash(alg).update(d).digest('hex'));
      }
      const h = crypto.createHash('sha256').update('a').update('b', 'utf8').update('6364', 'hex').update('ZQ==', 'base64');
      const copy = h.copy();
      out.multi = [h.digest('base64'), copy.digest('base64url'), crypto.createHash('md5').update('x').digest('latin1'), crypto.createHash('sha1').update('x').digest().length];
      out.hmac = ['sha1', 'sha256', 'sha512', 'md5'].map((alg) => crypto.createHmac(alg, 'key').update('message').digest('hex'));
      out.hmacLongKey = crypto.createHmac('sha256', Buffer.alloc(200, 7)).update('m').digest('base64');
      out.hash = crypto.hash ? crypto.hash('sha1', 'abc') : null;
      out.errors = [];
      const shape = (f) => { try { f(); return 'ok'; } catch (e) { return [e.name, e.code, e.message]; } };
      out.errors.push(shape(() => { const x = crypto.createHash('sha256'); x.digest(); x.digest(); }));
      out.errors.push(shape(() => { const x = crypto.createHash('sha256'); x.digest(); x.update('a'); }));
      out.errors.push(shape(() => crypto.createHash('nope')));
      out.errors.push(shape(() => crypto.createHash('sha256').update(42)));
      return out;`);
  });

  it('crypto KDFs and timingSafeEqual match node:crypto', async () => {
    await parity(`
      const crypto = require('crypto');
      const shape = (f) => { try { f(); return 'ok'; } catch (e) { return [e.name, e.code, e.message]; } };
      return {
        pbkdf2: [crypto.pbkdf2Sync('password', 'salt', 1000, 32, 'sha256').toString('hex'), crypto.pbkdf2Sync(Buffer.from('pw'), 'salt', 3, 70, 'sha512').toString('base64'), crypto.pbkdf2Sync('p', 's', 1, 20, 'sha1').toString('hex')],
        pbkdf2Async: await new Promise((res, rej) => crypto.pbkdf2('a', 'b', 10, 16, 'sha256', (e, k) => (e ? rej(e) : res(k.toString('hex'))))),
        scrypt: [crypto.scryptSync('password', 'salt', 32, { N: 1024 }).toString('hex'), crypto.scryptSync('pw', 'NaCl', 16, { cost: 16, blockSize: 1, parallelization: 1 }).toString('hex')],
        scryptAsync: await new Promise((res, rej) => crypto.scrypt('a', 'b', 8, { N: 16 }, (e, k) => (e ? rej(e) : res(k.toString('hex'))))),
        hkdf: Buffer.from(crypto.hkdfSync('sha256', 'key', 'salt', 'info', 42)).toString('hex'),
        hkdfIsArrayBuffer: crypto.hkdfSync('sha256', 'key', 'salt', 'info', 4) instanceof ArrayBuffer,
        tse: [crypto.timingSafeEqual(Buffer.from('abc'), Buffer.from('abc')), crypto.timingSafeEqual(Buffer.from('abc'), Buffer.from('abd'))],
        errors: [shape(() => crypto.timingSafeEqual(Buffer.from('a'), Buffer.from('ab'))), shape(() => crypto.scryptSync('a', 'b', 16, { N: 2 ** 20 })), shape(() => crypto.pbkdf2Sync('a', 'b', 1, 8, 'nope')),
          shape(() => crypto.randomInt(5, 3))],
      };`);
  });

  it('crypto random values and unsupported functions', async () => {
    const r = (await inIsolate(`
      const crypto = require('node:crypto');
      const a = crypto.randomBytes(32), b = crypto.randomBytes(32);
      const viaCb = await new Promise((res, rej) => crypto.randomBytes(100000, (e, buf) => (e ? rej(e) : res(buf.length))));
      const ints = Array.from({ length: 2000 }, () => crypto.randomInt(10, 13));
      let unsupported; try { crypto.createCipheriv('aes-256-gcm', Buffer.alloc(32), Buffer.alloc(12)); } catch (e) { unsupported = { code: e.code, message: e.message }; }
      return { isBuffer: Buffer.isBuffer(a), len: a.length, differ: !a.equals(b), big: crypto.randomBytes(200000).length, viaCb, min: Math.min(...ints), max: Math.max(...ints), uuid: crypto.randomUUID(),
        fill: crypto.randomFillSync(new Uint8Array(16)).some((x) => x !== 0), hashes: crypto.getHashes().includes('sha256'), unsupported, webcrypto: crypto.webcrypto === globalThis.crypto };`)) as Record<string, unknown>;
    expect(r).toMatchObject({ isBuffer: true, len: 32, differ: true, big: 200000, viaCb: 100000, min: 10, max: 12, fill: true, hashes: true, webcrypto: true });
    expect(r['uuid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(r['unsupported']).toEqual({
      code: 'ERR_FEATURE_NOT_AVAILABLE_IN_LAMBDA_LAB',
      message: 'crypto.createCipheriv() is not available in Lambda Lab: the lab provides hashes, HMAC, random values, pbkdf2, scrypt and hkdf',
    });
  });

  it('url, querystring and string_decoder match Node', async () => {
    await parity(`
      const url = require('node:url');
      const qs = require('querystring');
      const { StringDecoder } = require('string_decoder');
      const d = new StringDecoder('utf8');
      const euro = Buffer.from('€uro');
      const b64 = new StringDecoder('base64');
      const legacy = url.parse('https://user:pw@Host.Example:8080/p/a/t/h?query=string&a=1#hash');
      return {
        toPath: [url.fileURLToPath('file:///var/task/a%20b.json'), url.fileURLToPath(new URL('file:///tmp/x'))],
        toUrl: [url.pathToFileURL('/tmp/a b#c?.txt').href, url.pathToFileURL('/var/task/dir/').href],
        badScheme: (() => { try { url.fileURLToPath('https://x.example/'); } catch (e) { return e.code; } })(),
        legacy: [legacy.protocol, legacy.auth, legacy.host, legacy.port, legacy.hostname, legacy.hash, legacy.search, legacy.query, legacy.pathname, legacy.path, legacy.href],
        legacyQuery: { ...url.parse('/p?a=1&a=2&b=', true).query },
        format: [url.format({ protocol: 'https', hostname: 'example.com', pathname: '/some/path', query: { page: 1, format: 'json' } }), url.format(new URL('https://a:b@example.com/x?y#z'), { auth: false, fragment: false })],
        resolve: [url.resolve('/one/two/three', 'four'), url.resolve('http://example.com/', '/one'), url.resolve('http://example.com/one', '/two')],
        qsParse: { ...qs.parse('a=1&b=2&a=3&c=%E2%82%AC&d=hello+world&e&f=%zz') }, qsStringify: qs.stringify({ a: [1, 2], b: 'x y', c: true, d: null, e: '€', f: { g: 1 } }),
        qsEscape: [qs.escape('a b&c/€'), qs.unescape('%E2%82%AC%zz')], qsSep: { ...qs.parse('a:1;b:2', ';', ':') },
        decoder: [d.write(euro.subarray(0, 1)), d.write(euro.subarray(1, 2)), d.write(euro.subarray(2)), d.end(Buffer.from([0xe2]))],
        base64: [b64.write(Buffer.from('ab')), b64.write(Buffer.from('cde')), b64.end()],
        hex: new StringDecoder('hex').write(Buffer.from([1, 255])),
      };`);
  });

  it('os reports a Lambda execution environment', async () => {
    const ask = `const os = require('node:os'); return { cpus: os.cpus().length, total: os.totalmem(), platform: os.platform(), arch: os.arch(), tmp: os.tmpdir(), home: os.homedir(), eol: os.EOL, host: os.hostname(), type: os.type(), user: os.userInfo().username, par: os.availableParallelism(), machine: os.machine() };`;
    const small = (await inIsolate(ask)) as Record<string, unknown>;
    expect(small).toMatchObject({ cpus: 1, total: 128 * 1024 * 1024, platform: 'linux', arch: 'x64', tmp: '/tmp', home: '/home/sbx_user1051', eol: '\n', type: 'Linux', user: 'sbx_user1051', par: 1, machine: 'x86_64' });
    expect(small['host']).toMatch(/^169\.254\.\d{1,3}\.\d{1,3}$/);
    expect(await inIsolate(ask, {}, { memorySizeMB: 1769 })).toMatchObject({ cpus: 1 });
    expect(await inIsolate(ask, {}, { memorySizeMB: 1770 })).toMatchObject({ cpus: 2, total: 1770 * 1024 * 1024 });
    expect(await inIsolate(ask, {}, { memorySizeMB: 10240, architecture: 'arm64' })).toMatchObject({ cpus: 6, arch: 'arm64', machine: 'aarch64' });
  });

  it('assert and assert/strict throw AssertionError like Node', async () => {
    await parity(`
      const assert = require('node:assert');
      const strict = require('assert/strict');
      const shape = (f) => { try { f(); return 'passed'; } catch (e) { return { name: e.name, code: e.code, message: e.message, operator: e.operator, generated: e.generatedMessage, isAssertion: e instanceof assert.AssertionError }; } };
      const reject = async (p) => { try { await p; return 'passed'; } catch (e) { return { code: e.code, message: e.message }; } };
      class Custom extends Error {}
      return {
        same: assert.strict === strict && strict.strict === strict,
        ok: [shape(() => assert.ok(1)), shape(() => assert.ok(0)), shape(() => assert.ok(false, 'custom message')), shape(() => assert.ok())],
        equal: [shape(() => assert.equal(1, '1')), shape(() => assert.equal(1, 2)), shape(() => strict.equal(1, '1')), shape(() => assert.strictEqual(1, 2)), shape(() => assert.strictEqual('a', 'b', 'mine')), shape(() => assert.notStrictEqual(1, 2))],
        deep: [shape(() => assert.deepStrictEqual({ a: [1, { b: new Map([[1, new Set([2])]]) }], d: new Date(1) }, { a: [1, { b: new Map([[1, new Set([2])]]) }], d: new Date(1) })),
          shape(() => assert.deepStrictEqual({ a: 1 }, { a: 2 })), shape(() => assert.deepEqual({ a: 1 }, { a: '1' })), shape(() => assert.deepStrictEqual({ a: 1 }, { a: '1' }).operator),
          shape(() => assert.deepStrictEqual([1, 2], [1, 2, 3]).operator), shape(() => assert.notDeepStrictEqual({ a: 1 }, { a: 1 }).code), shape(() => assert.deepStrictEqual(NaN, NaN)),
          shape(() => assert.deepStrictEqual(new Set([{ a: 1 }]), new Set([{ a: 1 }]))), shape(() => assert.deepStrictEqual(Object.create(null), {}).code)],
        throws: [shape(() => assert.throws(() => { throw new TypeError('boom'); }, TypeError)), shape(() => assert.throws(() => { throw new TypeError('boom'); }, /boom/)),
          shape(() => assert.throws(() => { throw new TypeError('boom'); }, { name: 'TypeError', message: 'boom' })), shape(() => assert.throws(() => {})), shape(() => assert.throws(() => {}, Custom)),
          shape(() => assert.throws(() => { throw new Error('x'); }, Custom)), shape(() => assert.doesNotThrow(() => { throw new Error('oops'); }))],
        rejects: [await reject(assert.rejects(Promise.reject(new Error('no')), /no/)), await reject(assert.rejects(Promise.resolve(1))), await reject(assert.doesNotReject(async () => { throw new Error('late'); }))],
        misc: [shape(() => assert.fail()), shape(() => assert.fail('boom')), shape(() => assert.match('abc', /x/)), shape(() => assert.match('abc', /b/)), shape(() => assert.doesNotMatch('abc', /b/)), shape(() => assert.ifError(null)), shape(() => assert.ifError(new Error('e')))],
        callable: shape(() => assert(0)),
      };`);
  });
});

describe('fs', () => {
  const hostDir = mkdtempSync(join(tmpdir(), 'lab-fs-'));
  afterAll(() => rmSync(hostDir, { recursive: true, force: true }));

  /** What real Node throws for `op(path)` on this machine, with its path replaced by `shown`. */
  function nodeError(op: (fs: typeof import('node:fs'), p: string) => unknown, relative: string, shown: string): Record<string, unknown> {
    const fs = hostRequire('node:fs') as typeof import('node:fs');
    const p = join(hostDir, relative);
    try {
      op(fs, p);
    } catch (e) {
      const err = e as Error & Record<string, unknown>;
      const out: Record<string, unknown> = { name: err.name, message: err.message };
      for (const k of Object.keys(err)) out[k] = err[k];
      return JSON.parse(JSON.stringify(out).split(p).join(shown)) as Record<string, unknown>;
    }
    throw new Error('expected the host operation to fail');
  }

  it('writes, appends, reads, lists and removes files in /tmp', async () => {
    const r = await inIsolate(`
      const fs = require('node:fs');
      fs.mkdirSync('/tmp/work/sub', { recursive: true });
      fs.writeFileSync('/tmp/work/a.txt', 'héllo');
      fs.appendFileSync('/tmp/work/a.txt', Buffer.from(' wörld'));
      fs.writeFileSync('/tmp/work/b.bin', new Uint8Array([1, 2, 3]));
      fs.writeFileSync('/tmp/work/c.txt', 'aGk=', 'base64');
      fs.writeFileSync('/tmp/work/d.txt', 'x', { flag: 'a' });
      fs.writeFileSync('/tmp/work/d.txt', 'y', { flag: 'a' });
      const st = fs.statSync('/tmp/work/a.txt');
      const out = {
        text: fs.readFileSync('/tmp/work/a.txt', 'utf8'), buf: Buffer.isBuffer(fs.readFileSync('/tmp/work/b.bin')), bytes: [...fs.readFileSync('/tmp/work/b.bin')],
        hex: fs.readFileSync('/tmp/work/b.bin', { encoding: 'hex' }), b64: fs.readFileSync('/tmp/work/a.txt', 'base64'), latin1: fs.readFileSync('/tmp/work/b.bin', 'latin1').length, decoded: fs.readFileSync('/tmp/work/c.txt', 'utf8'),
        appended: fs.readFileSync('/tmp/work/d.txt', 'utf8'), stat: [st.isFile(), st.isDirectory(), st.size, st.mtime instanceof Date, st.mtimeMs > 0],
        dirStat: fs.statSync('/tmp/work/sub').isDirectory(), list: fs.readdirSync('/tmp/work'), types: fs.readdirSync('/tmp/work', { withFileTypes: true }).map((d) => [d.name, d.isDirectory(), d.parentPath]),
        recursive: fs.readdirSync('/tmp', { recursive: true }), exists: [fs.existsSync('/tmp/work/a.txt'), fs.existsSync('/tmp/nope'), fs.existsSync('/tmp'), fs.existsSync(42)],
        mkdirFirst: fs.mkdirSync('/tmp/x/y/z', { recursive: true }), mkdirAgain: fs.mkdirSync('/tmp/x/y/z', { recursive: true }),
      };
      fs.renameSync('/tmp/work/a.txt', '/tmp/work/sub/moved.txt');
      fs.copyFileSync('/tmp/work/sub/moved.txt', '/tmp/copy.txt');
      fs.copyFileSync('/var/task/data.json', '/tmp/data-copy.json');
      fs.unlinkSync('/tmp/work/b.bin');
      fs.rmSync('/tmp/x', { recursive: true });
      fs.rmdirSync('/tmp/work/sub', { recursive: true });
      out.after = fs.readdirSync('/tmp', { recursive: true });
      out.copies = [fs.readFileSync('/tmp/copy.txt', 'utf8'), JSON.parse(fs.readFileSync('/tmp/data-copy.json', 'utf8'))];
      const tmp = fs.mkdtempSync('/tmp/job-');
      out.mkdtemp = [/^\\/tmp\\/job-[A-Za-z0-9]{6}$/.test(tmp), fs.statSync(tmp).isDirectory()];
      out.realpath = fs.realpathSync('/tmp/../tmp/./copy.txt');
      out.relative = fs.readFileSync('data.json', 'utf8');
      fs.truncateSync('/tmp/copy.txt', 3);
      out.truncated = fs.readFileSync('/tmp/copy.txt', 'utf8');
      return out;`, { 'data.json': '{"from":"task"}' });
    expect(r).toEqual({
      text: 'héllo wörld', buf: true, bytes: [1, 2, 3], hex: '010203', b64: Buffer.from('héllo wörld').toString('base64'), latin1: 3, decoded: 'hi', appended: 'xy',
      stat: [true, false, Buffer.byteLength('héllo wörld'), true, true], dirStat: true,
      list: ['a.txt', 'b.bin', 'c.txt', 'd.txt', 'sub'],
      types: [['a.txt', false, '/tmp/work'], ['b.bin', false, '/tmp/work'], ['c.txt', false, '/tmp/work'], ['d.txt', false, '/tmp/work'], ['sub', true, '/tmp/work']],
      recursive: ['work', 'work/a.txt', 'work/b.bin', 'work/c.txt', 'work/d.txt', 'work/sub'],
      exists: [true, false, true, false], mkdirFirst: '/tmp/x', mkdirAgain: undefined,
      after: ['copy.txt', 'data-copy.json', 'work', 'work/c.txt', 'work/d.txt'],
      copies: ['héllo wörld', { from: 'task' }], mkdtemp: [true, true], realpath: '/tmp/copy.txt', relative: '{"from":"task"}', truncated: 'hé',
    });
  });

  it('throws Node\'s errors: ENOENT, EISDIR, ENOTDIR, EEXIST, ENOTEMPTY, ERR_FS_EISDIR, ERR_INVALID_ARG_*', async () => {
    const r = (await inIsolate(`
      const fs = require('fs');
      const shape = (f) => { try { f(); return 'no error'; } catch (e) { return { name: e.name, message: e.message, ...e }; } };
      fs.mkdirSync('/tmp/d/inner', { recursive: true }); fs.writeFileSync('/tmp/f', 'x');
      return {
        enoent: shape(() => fs.readFileSync('/tmp/nope')), relative: shape(() => fs.readFileSync('nope.txt')), eisdirRead: shape(() => fs.readFileSync('/tmp/d')),
        stat: shape(() => fs.statSync('/tmp/nope')), lstat: shape(() => fs.lstatSync('/tmp/nope')), scandir: shape(() => fs.readdirSync('/tmp/f')),
        eexist: shape(() => fs.mkdirSync('/tmp/d')), mkdirParent: shape(() => fs.mkdirSync('/tmp/q/r')), enotempty: shape(() => fs.rmdirSync('/tmp/d')),
        unlinkDir: shape(() => fs.unlinkSync('/tmp/d')), rmDir: shape(() => fs.rmSync('/tmp/d')), rmMissing: shape(() => fs.rmSync('/tmp/nope')),
        rename: shape(() => fs.renameSync('/tmp/nope', '/tmp/x')), copy: shape(() => fs.copyFileSync('/tmp/nope', '/tmp/x')),
        access: shape(() => fs.accessSync('/tmp/nope')), nul: shape(() => fs.readFileSync('/tmp/a\\0b')), type: shape(() => fs.readFileSync({})),
        statOptional: fs.statSync('/tmp/nope', { throwIfNoEntry: false }) === undefined,
      };`)) as Record<string, unknown>;
    hostRequire('node:fs').mkdirSync(join(hostDir, 'd/inner'), { recursive: true });
    hostRequire('node:fs').writeFileSync(join(hostDir, 'f'), 'x');
    expect(r['enoent']).toEqual(nodeError((fs, p) => fs.readFileSync(p), 'nope', '/tmp/nope'));
    expect(r['relative']).toEqual({ name: 'Error', message: "ENOENT: no such file or directory, open 'nope.txt'", errno: -2, code: 'ENOENT', syscall: 'open', path: 'nope.txt' });
    expect(r['eisdirRead']).toEqual(nodeError((fs, p) => fs.readFileSync(p), 'd', '/tmp/d'));
    expect(r['stat']).toEqual(nodeError((fs, p) => fs.statSync(p), 'nope', '/tmp/nope'));
    expect(r['lstat']).toEqual(nodeError((fs, p) => fs.lstatSync(p), 'nope', '/tmp/nope'));
    expect(r['scandir']).toEqual(nodeError((fs, p) => fs.readdirSync(p), 'f', '/tmp/f'));
    expect(r['eexist']).toEqual(nodeError((fs, p) => fs.mkdirSync(p), 'd', '/tmp/d'));
    expect(r['mkdirParent']).toEqual(nodeError((fs, p) => fs.mkdirSync(p), 'q/r', '/tmp/q/r'));
    expect(r['enotempty']).toEqual(nodeError((fs, p) => fs.rmdirSync(p), 'd', '/tmp/d'));
    expect(r['unlinkDir']).toEqual(nodeError((fs, p) => fs.unlinkSync(p), 'd', '/tmp/d'));
    expect(r['rmDir']).toEqual(nodeError((fs, p) => fs.rmSync(p), 'd', '/tmp/d'));
    expect(r['rmMissing']).toEqual(nodeError((fs, p) => fs.rmSync(p), 'nope', '/tmp/nope'));
    expect(r['access']).toEqual(nodeError((fs, p) => fs.accessSync(p), 'nope', '/tmp/nope'));
    expect(r['rename']).toEqual({ name: 'Error', message: "ENOENT: no such file or directory, rename '/tmp/nope' -> '/tmp/x'", errno: -2, code: 'ENOENT', syscall: 'rename', path: '/tmp/nope', dest: '/tmp/x' });
    expect(r['copy']).toEqual({ name: 'Error', message: "ENOENT: no such file or directory, copyfile '/tmp/nope' -> '/tmp/x'", errno: -2, code: 'ENOENT', syscall: 'copyfile', path: '/tmp/nope', dest: '/tmp/x' });
    expect(r['nul']).toEqual({ name: 'TypeError', code: 'ERR_INVALID_ARG_VALUE', message: "The argument 'path' must be a string, Uint8Array, or URL without null bytes. Received '/tmp/a\\x00b'" });
    expect(r['type']).toMatchObject({ name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE' });
    expect(r['statOptional']).toBe(true);
  });

  it('keeps /var/task read-only (EROFS) and the rest of the disk out of reach', async () => {
    const r = await inIsolate(`
      const fs = require('fs');
      const shape = (f) => { try { f(); return 'no error'; } catch (e) { return { message: e.message, ...e }; } };
      return {
        write: shape(() => fs.writeFileSync('/var/task/x', 'a')), relative: shape(() => fs.writeFileSync('out.txt', 'a')), unlink: shape(() => fs.unlinkSync('index.js')),
        mkdir: shape(() => fs.mkdirSync('/var/task/new')), rename: shape(() => fs.renameSync('/var/task/index.js', '/tmp/i.js')),
        readOutside: shape(() => fs.readFileSync('/etc/passwd')), writeOutside: shape(() => fs.writeFileSync('/home/x', 'a')), traversal: shape(() => fs.readFileSync('/tmp/../etc/passwd')),
        existsOutside: fs.existsSync('/etc/passwd'), taskList: fs.readdirSync('/var/task').sort(), taskStat: [fs.statSync('/var/task').isDirectory(), fs.statSync('/var/task/index.js').isFile()],
      };`);
    expect(r).toEqual({
      write: { message: "EROFS: read-only file system, open '/var/task/x'", errno: -30, code: 'EROFS', syscall: 'open', path: '/var/task/x' },
      relative: { message: "EROFS: read-only file system, open 'out.txt'", errno: -30, code: 'EROFS', syscall: 'open', path: 'out.txt' },
      unlink: { message: "EROFS: read-only file system, unlink 'index.js'", errno: -30, code: 'EROFS', syscall: 'unlink', path: 'index.js' },
      mkdir: { message: "EROFS: read-only file system, mkdir '/var/task/new'", errno: -30, code: 'EROFS', syscall: 'mkdir', path: '/var/task/new' },
      rename: { message: "EXDEV: cross-device link not permitted, rename '/var/task/index.js' -> '/tmp/i.js'", errno: -18, code: 'EXDEV', syscall: 'rename', path: '/var/task/index.js', dest: '/tmp/i.js' },
      readOutside: { message: "ENOENT: no such file or directory, open '/etc/passwd'", errno: -2, code: 'ENOENT', syscall: 'open', path: '/etc/passwd' },
      writeOutside: { message: "EACCES: permission denied, open '/home/x'", errno: -13, code: 'EACCES', syscall: 'open', path: '/home/x' },
      traversal: { message: "ENOENT: no such file or directory, open '/tmp/../etc/passwd'", errno: -2, code: 'ENOENT', syscall: 'open', path: '/tmp/../etc/passwd' },
      existsOutside: false,
      taskList: ['index.js'],
      taskStat: [true, true],
    });
  });

  it('fills /tmp up to the ephemeral storage size, then ENOSPC', async () => {
    const r = await inIsolate(`
      const fs = require('fs');
      const mb = Buffer.alloc(1024 * 1024, 1);
      let written = 0, error;
      try { for (;;) { fs.appendFileSync('/tmp/fill', mb); written++; } } catch (e) { error = { message: e.message, ...e }; }
      fs.unlinkSync('/tmp/fill');
      fs.writeFileSync('/tmp/again', mb);
      return { written, error, again: fs.statSync('/tmp/again').size };`, {}, { ephemeralStorageMB: 3 });
    expect(r).toEqual({ written: 3, error: { message: 'ENOSPC: no space left on device, write', errno: -28, code: 'ENOSPC', syscall: 'write' }, again: 1024 * 1024 });
  });

  it('keeps /tmp across warm invocations of one environment, not across environments', async () => {
    const files = { 'index.mjs': `import fs from 'node:fs'; export const handler = async () => { const n = fs.existsSync('/tmp/count') ? Number(fs.readFileSync('/tmp/count', 'utf8')) : 0; fs.writeFileSync('/tmp/count', String(n + 1)); return n + 1; };` };
    const env = await environment(files);
    expect(response(await invoke(env))).toBe(1);
    expect(response(await invoke(env))).toBe(2);
    expect(response(await invoke(env))).toBe(3);
    env.dispose();
    expect(response(await runOnce(files))).toBe(1);
  });

  it('keeps /tmp when the isolate is replaced (INIT retried inside the first invoke)', async () => {
    const r = await runOnce({
      'index.js': `const fs = require('fs');
        if (!fs.existsSync('/tmp/first-init')) { fs.writeFileSync('/tmp/first-init', 'x'); throw new Error('first INIT fails'); }
        exports.handler = async () => fs.readFileSync('/tmp/first-init', 'utf8');`,
    });
    expect(r.status).toBe('success');
    expect(r.response).toBe('"x"');
    expect(r.logs).toContain('first INIT fails');
  });

  it('reads files beside the handler: __dirname (CommonJS) and import.meta.url (ES module)', async () => {
    const cjs = await runOnce({
      'index.js': `const fs = require('fs'); const path = require('path');
        exports.handler = async () => ({ dir: __dirname, data: JSON.parse(fs.readFileSync(path.join(__dirname, 'data.json'), 'utf8')), nested: fs.readFileSync(__dirname + '/conf/app.txt', 'utf8') });`,
      'data.json': '{"kind":"cjs"}',
      'conf/app.txt': 'nested text',
    });
    expect(response(cjs)).toEqual({ dir: '/var/task', data: { kind: 'cjs' }, nested: 'nested text' });
    const esm = await runOnce({
      'src/index.mjs': `import { readFileSync } from 'node:fs'; import { readFile } from 'node:fs/promises'; import { fileURLToPath } from 'node:url';
        export const handler = async () => ({
          data: JSON.parse(readFileSync(new URL('./data.json', import.meta.url), 'utf8')),
          viaPromises: JSON.parse(await readFile(new URL('./data.json', import.meta.url), 'utf8')),
          path: fileURLToPath(import.meta.url), dirname: import.meta.dirname,
        });`,
      'src/data.json': '{"kind":"esm"}',
    }, {}, { handler: 'src/index.handler' });
    expect(response(esm)).toEqual({ data: { kind: 'esm' }, viaPromises: { kind: 'esm' }, path: '/var/task/src/index.mjs', dirname: '/var/task/src' });
  });

  it('offers callback and promise forms, fs/promises, and simple streams', async () => {
    const r = await inIsolate(`
      const fs = require('node:fs');
      const fsp = require('node:fs/promises');
      const order = [];
      const viaCb = await new Promise((res, rej) => { fs.writeFile('/tmp/cb.txt', 'cb', (e) => { if (e) return rej(e); fs.readFile('/tmp/cb.txt', 'utf8', (e2, d) => (e2 ? rej(e2) : res(d))); }); order.push('sync-after-call'); });
      const cbError = await new Promise((res) => fs.readFile('/tmp/nope', (e) => res(e.code)));
      await fsp.mkdir('/tmp/p/q', { recursive: true });
      await fsp.writeFile('/tmp/p/q/f.json', JSON.stringify({ ok: 1 }));
      await fsp.appendFile('/tmp/p/q/f.json', ' ');
      const promised = JSON.parse(await fsp.readFile('/tmp/p/q/f.json', 'utf8'));
      const listed = await fs.promises.readdir('/tmp/p/q');
      const rejected = await fsp.stat('/tmp/nope').catch((e) => e.code);
      const ws = fs.createWriteStream('/tmp/stream.txt');
      ws.write('line 1\\n'); ws.write(Buffer.from('line 2\\n'));
      await new Promise((res) => ws.end('end\\n', res));
      const chunks = [];
      await new Promise((res, rej) => fs.createReadStream('/tmp/stream.txt', { encoding: 'utf8', highWaterMark: 5 }).on('data', (c) => chunks.push(c)).on('end', res).on('error', rej));
      let iterated = '';
      for await (const chunk of fs.createReadStream('/tmp/stream.txt')) iterated += chunk.toString();
      const streamError = await new Promise((res) => fs.createReadStream('/tmp/missing').on('error', (e) => res(e.code)));
      let unsupported; try { fs.openSync('/tmp/x', 'w'); } catch (e) { unsupported = e.code; }
      return { viaCb, order, cbError, promised, listed, rejected, chunks, iterated, streamError, unsupported, same: fs.promises === fsp, exists: await new Promise((res) => fs.exists('/tmp/cb.txt', res)) };`);
    expect(r).toEqual({
      viaCb: 'cb', order: ['sync-after-call'], cbError: 'ENOENT', promised: { ok: 1 }, listed: ['f.json'], rejected: 'ENOENT',
      chunks: ['line ', '1\nlin', 'e 2\ne', 'nd\n'], iterated: 'line 1\nline 2\nend\n', streamError: 'ENOENT', unsupported: 'ERR_FEATURE_NOT_AVAILABLE_IN_LAMBDA_LAB', same: true, exists: true,
    });
  });

  it('works from ES module named imports of every new built-in', async () => {
    const r = await runOnce({
      'index.mjs': `
        import { Buffer } from 'node:buffer'; import { createHash } from 'node:crypto'; import { writeFileSync, readFileSync } from 'node:fs';
        import { mkdir } from 'node:fs/promises'; import { tmpdir } from 'node:os'; import { parse } from 'node:querystring'; import { StringDecoder } from 'node:string_decoder';
        import { fileURLToPath } from 'node:url'; import assert, { strictEqual } from 'node:assert'; import { deepStrictEqual } from 'node:assert/strict'; import { performance } from 'node:perf_hooks';
        export const handler = async () => {
          await mkdir(tmpdir() + '/esm', { recursive: true });
          writeFileSync('/tmp/esm/x', Buffer.from('ok'));
          strictEqual(typeof assert, 'function'); deepStrictEqual({ a: 1 }, { a: 1 });
          return [readFileSync('/tmp/esm/x', 'utf8'), createHash('md5').update('').digest('hex'), parse('a=1').a, new StringDecoder().write(Buffer.from('x')), fileURLToPath('file:///a'), typeof performance.now()];
        };`,
    });
    expect(response(r)).toEqual(['ok', 'd41d8cd98f00b204e9800998ecf8427e', '1', 'x', '/a', 'number']);
  });
});

describe('robustness', () => {
  it('the built-ins keep working after user code poisons prototypes and globals', async () => {
    const r = await runOnce({
      'index.js': `
        const fs = require('fs');
        const crypto = require('crypto');
        Buffer.from('warm up');
        exports.handler = async () => {
          const boom = () => { throw new Error('poisoned'); };
          const targets = [[Array.prototype, ['push', 'pop', 'join', 'slice', 'map', 'filter', 'sort', 'indexOf', Symbol.iterator]], [String.prototype, ['split', 'slice', 'indexOf', 'charCodeAt', 'replace', 'startsWith', 'toLowerCase', 'trim']],
            [Map.prototype, ['get', 'set', 'has']], [Function.prototype, ['call', 'apply', 'bind']], [Uint8Array.prototype, ['set', 'subarray', 'slice']], [Reflect, ['apply']], [JSON, ['stringify', 'parse']], [Object, ['keys', 'getPrototypeOf', 'setPrototypeOf', 'hasOwn', 'defineProperty']]];
          const define = Object.defineProperty;
          for (let i = 0; i < targets.length; i++) for (let j = 0; j < targets[i][1].length; j++) define(targets[i][0], targets[i][1][j], { value: boom, configurable: true, writable: true });
          globalThis.Uint8Array = boom; globalThis.Map = boom; globalThis.String = boom; globalThis.Error = boom;
          fs.writeFileSync('/tmp/p.txt', 'still works ✓');
          fs.appendFileSync('/tmp/p.txt', '!');
          const text = fs.readFileSync('/tmp/p.txt', 'utf8');
          let code; try { fs.readFileSync('/tmp/none'); } catch (e) { code = e.code; }
          const uuid = crypto.randomUUID();
          const exists = fs.existsSync('/tmp/p.txt');
          return { text: text, code: code, uuid: uuid.length, exists: exists };
        };`,
    });
    expect(r.status).toBe('success');
    expect(r.response).toBe('{"text":"still works ✓!","code":"ENOENT","uuid":36,"exists":true}');
  });

  it('a unique marker is never visible to other environments\' /tmp', async () => {
    const marker = randomUUID();
    await inIsolate(`require('fs').writeFileSync('/tmp/${marker}', 'x'); return 1;`);
    expect(await inIsolate(`return require('fs').existsSync('/tmp/${marker}');`)).toBe(false);
  });
});

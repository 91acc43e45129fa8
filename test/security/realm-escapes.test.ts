// Realm escapes: constructor chains, Error.prepareStackTrace, Proxies, Symbols, Symbol.species,
// `this` tricks on the lab's callbacks, and builtins poisoned under the lab's own glue code.
// Nothing the isolate can reach may lead outside it, and nothing the function does to its own
// realm may change what the lab reports about it.
import ivm from 'isolated-vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disposeAll, runOnce } from '../helpers/environments.ts';
import { SecurityLab } from './harness.ts';

let s: SecurityLab;
beforeAll(async () => {
  s = await SecurityLab.start();
});
afterAll(async () => {
  await s.close();
  disposeAll();
});

describe.concurrent('realm escapes through the real lab', () => {
  it('Function constructor chains from every object the lab hands in reach only the isolate\'s own realm', async ({ expect }) => {
    const inv = await s.attack({
      code: `
        export const handler = async (event, context) => {
          const bridge = globalThis[Symbol.for('lambda-lab.esm-bridge')];
          const timer = setTimeout(() => {}, 1000); clearTimeout(timer);
          const roots = { event, context, remaining: context.getRemainingTimeInMillis, w3c: context.w3c, console, log: console.log,
            setTimeout, setImmediate, clearTimeout, queueMicrotask, fetch, process, write: process.stdout.write, exit: process.exit,
            env: process.env, awslambda, bridge, builtin: bridge.builtin, cjs: bridge.cjs, timer, promise: Promise.resolve(),
            error: new Error('e'), asyncFn: async () => {}, generator: function* () {}, handler };
          const out = {};
          for (const [name, v] of Object.entries(roots)) {
            try {
              const F = v.constructor.constructor;
              const g = F('return this')();
              const p = F('return globalThis.process')();
              out[name] = { sameGlobal: g === globalThis, sameProcess: p === process, binding: typeof p.binding,
                dlopen: typeof p.dlopen, mainModule: typeof p.mainModule, linked: typeof p._linkedBinding, pid: p.pid };
            } catch (e) { out[name] = { threw: String(e) }; }
          }
          return out;
        };`,
    });
    await s.verdict(expect, inv, { status: 'success' });
    const out = JSON.parse(inv.record.response ?? '{}') as Record<string, unknown>;
    expect(Object.keys(out).length).toBeGreaterThan(20);
    for (const [name, v] of Object.entries(out)) {
      expect.soft(v, name).toEqual({ sameGlobal: true, sameProcess: true, binding: 'undefined', dlopen: 'undefined', mainModule: 'undefined', linked: 'undefined', pid: 8 });
    }
  });

  it('Error.prepareStackTrace call sites expose no lab or host object and no host file', async ({ expect }) => {
    const inv = await s.attack({
      code: `
        const seen = []; const files = new Set();
        Error.prepareStackTrace = (err, sites) => {
          for (const site of sites) {
            const file = site.getFileName() ?? '';
            files.add(file);
            if (file.startsWith('file:///var/task/')) continue;
            let t, f;
            try { t = site.getThis(); } catch { t = 'threw'; }
            try { f = site.getFunction(); } catch { f = 'threw'; }
            if (t !== undefined && t !== globalThis) seen.push('this of ' + (site.getFunctionName() ?? '?') + ' in ' + file);
            if (f !== undefined) seen.push('function ' + (site.getFunctionName() ?? '?') + ' in ' + file);
          }
          return 'captured';
        };
        const capture = () => new Error('probe').stack;
        export const handler = async () => {
          console.log({ get x() { capture(); return 1; } });
          console.log({ [Symbol.for('nodejs.util.inspect.custom')]() { capture(); return 'custom'; } });
          process.stdout.write({ toString() { capture(); return 'w\\n'; } });
          await new Promise((r) => setTimeout(() => { capture(); r(); }, 1));
          await new Promise((r) => setImmediate(() => { capture(); r(); }));
          await new Promise((r) => queueMicrotask(() => { capture(); r(); }));
          await new Promise((r) => process.nextTick(() => { capture(); r(); }));
          return { toJSON() { capture(); return { seen, files: [...files] }; } };
        };`,
    });
    await s.verdict(expect, inv, { status: 'success' });
    const out = JSON.parse(inv.record.response ?? '{}') as { seen: string[]; files: string[] };
    expect(out.seen).toEqual([]);
    expect(out.files.filter((f) => !/^(file:\/\/\/var\/(task|runtime)\/|node:|$)/.test(f))).toEqual([]);
  });

  it('getters and Proxies in arguments to fs, crypto, Buffer and performance never expose the host callback in a stack trace', async ({ expect }) => {
    const inv = await s.attack({
      code: {
        'index.js': `
          const natives = []; let captures = 0;
          const isNative = (f) => typeof f === 'function' && /\\[native code\\]/.test(Function.prototype.toString.call(f));
          Error.prepareStackTrace = (err, sites) => {
            captures++;
            for (const site of sites) {
              let t, f;
              try { t = site.getThis(); } catch {}
              try { f = site.getFunction(); } catch {}
              if (isNative(f)) natives.push('function ' + (f.name || '(anonymous)') + ' in ' + site.getFileName());
              if (isNative(t)) natives.push('this ' + (t.name || '(anonymous)') + ' in ' + site.getFileName());
            }
            return 'captured';
          };
          const capture = () => new Error('probe').stack;
          const sneaky = (value) => new Proxy({}, { get(_t, k) { capture(); return k === Symbol.toPrimitive ? () => value : k === 'length' ? 4 : value; } });
          const getterObj = (value) => ({ get length() { capture(); return 4; }, get 0() { capture(); return 1; }, toString() { capture(); return value; }, valueOf() { capture(); return 4; } });
          exports.handler = async () => {
            const tries = [];
            const attempt = (name, fn) => { try { fn(); tries.push(name + ': ok'); } catch (e) { tries.push(name + ': ' + (e && e.code || e && e.name)); } };
            let fs, crypto;
            try { fs = require('fs'); } catch {}
            try { crypto = require('crypto'); } catch {}
            if (fs) {
              attempt('writeFileSync', () => fs.writeFileSync(getterObj('/tmp/a'), getterObj('data')));
              attempt('writeFileSync proxy', () => fs.writeFileSync(sneaky('/tmp/b'), sneaky('data')));
              attempt('readFileSync', () => fs.readFileSync(getterObj('/tmp/a'), getterObj('utf8')));
              attempt('statSync', () => fs.statSync(sneaky('/tmp')));
              attempt('mkdirSync', () => fs.mkdirSync(getterObj('/tmp/d'), { get recursive() { capture(); return true; } }));
              attempt('readdirSync', () => fs.readdirSync(getterObj('/tmp')));
            }
            if (crypto) {
              attempt('randomBytes', () => crypto.randomBytes(getterObj(4)));
              attempt('randomFillSync', () => crypto.randomFillSync(new Uint8Array(8), getterObj(0), getterObj(4)));
              attempt('createHash', () => crypto.createHash(getterObj('sha256')).update(getterObj('x')).digest('hex'));
            }
            if (globalThis.crypto) attempt('getRandomValues', () => globalThis.crypto.getRandomValues(new Uint8Array(8)));
            if (globalThis.performance) attempt('performance.now', () => performance.now.call(sneaky(1)));
            if (globalThis.Buffer) attempt('Buffer.from', () => Buffer.from(getterObj('x')));
            return { natives, captures, tries };
          };`,
      },
      config: { handler: 'index.handler' },
    });
    await s.verdict(expect, inv, { status: 'success' });
    const out = JSON.parse(inv.record.response ?? '{}') as { natives: string[]; captures: number; tries: string[] };
    expect(out.natives).toEqual([]);
  });

  it('an Error.prepareStackTrace that never returns while the lab formats the error times out', async ({ expect }) => {
    const inv = await s.attack({ code: `export const handler = async () => { Error.prepareStackTrace = () => { while (true) {} }; throw new Error('x'); };` });
    await s.verdict(expect, inv, { status: 'timeout', errorType: 'Sandbox.Timedout' });
  });

  it('a thrown Proxy whose every trap throws ends as an error, promptly', async ({ expect }) => {
    const inv = await s.attack({
      code: `export const handler = async () => {
        const trap = () => { throw new Error('trap'); };
        throw new Proxy(new Error('p'), { get: trap, getPrototypeOf: trap, ownKeys: trap, has: trap, getOwnPropertyDescriptor: trap });
      };`,
    });
    await s.verdict(expect, inv, { status: 'error', withinMs: 1000 });
    expect(inv.record.error?.errorType.length ?? 0).toBeLessThan(200);
  });

  it('a Proxy result whose ownKeys trap never returns times out', async ({ expect }) => {
    const inv = await s.attack({ code: `export const handler = async () => new Proxy({}, { ownKeys() { while (true) {} } });` });
    await s.verdict(expect, inv, { status: 'timeout', errorType: 'Sandbox.Timedout' });
  });

  it('a thrown Symbol is reported as an error of type symbol', async ({ expect }) => {
    const inv = await s.attack({ code: `export const handler = async () => { throw Symbol('sym'); };` });
    await s.verdict(expect, inv, { status: 'error', errorType: 'symbol' });
    expect(inv.record.error?.errorMessage).toBe('Symbol(sym)');
  });

  it('an Error named by a Symbol is reported with that name as its type', async ({ expect }) => {
    const inv = await s.attack({ code: `export const handler = async () => { const e = new Error('m'); e.name = Symbol('n'); throw e; };` });
    await s.verdict(expect, inv, { status: 'error', errorType: 'Symbol(n)' });
  });

  it('an unhandled rejection with a Symbol reason ends as Runtime.UnhandledPromiseRejection', async ({ expect }) => {
    const inv = await s.attack({ code: `export const handler = async () => { Promise.reject(Symbol('rej')); return 'ok'; };` });
    await s.verdict(expect, inv, { status: 'error', errorType: 'Runtime.UnhandledPromiseRejection' });
  });

  it('Symbol.species getters on Promise and Array do not hijack how the lab settles a failed handler', async ({ expect }) => {
    const inv = await s.attack({
      code: `export const handler = async () => {
        Object.defineProperty(Array, Symbol.species, { get() { while (true) {} } });
        Object.defineProperty(Promise, Symbol.species, { get() { while (true) {} } });
        throw new Error('after species');
      };`,
    });
    await s.verdict(expect, inv, { status: 'error', errorType: 'Error' });
    expect(inv.record.error?.errorMessage).toBe('after species');
  });

  it('a Promise subclass whose Symbol.species getter never returns times out', async ({ expect }) => {
    const inv = await s.attack({
      code: `export const handler = () => { class P extends Promise { static get [Symbol.species]() { while (true) {} } } return P.resolve({ species: true }); };`,
    });
    await s.verdict(expect, inv, { status: 'timeout', errorType: 'Sandbox.Timedout' });
  });

  it('strange `this` values and Proxy arguments given to the lab\'s callbacks only fail inside the isolate', async ({ expect }) => {
    const inv = await s.attack({
      code: `export const handler = async (event, context) => {
        const trap = () => { throw new Error('trap'); };
        const P = new Proxy(function () {}, { get: trap, getPrototypeOf: trap, ownKeys: trap, apply: trap, construct: trap, has: trap });
        const evil = { valueOf: trap, toString: trap, [Symbol.toPrimitive]: trap };
        const noop = () => {};
        const bridge = globalThis[Symbol.for('lambda-lab.esm-bridge')];
        const direct = { log: console.log, error: console.error, dir: console.dir, time: console.time, count: console.count,
          assert: console.assert, write: process.stdout.write, emitWarning: process.emitWarning, on: process.on, emit: process.emit,
          hrtime: process.hrtime, remaining: context.getRemainingTimeInMillis, builtin: bridge.builtin, cjs: bridge.cjs, fetch, clearTimeout };
        const scheduling = { setTimeout, setInterval, setImmediate, queueMicrotask, nextTick: process.nextTick };
        const out = [];
        const attempt = (name, f, args) => {
          try { const r = Reflect.apply(f, P, args); if (r && typeof r.catch === 'function') r.catch(noop); if (r && typeof r.unref === 'function') clearTimeout(r); out.push(name + ': returned'); }
          catch (e) { out.push(name + ': threw ' + (e instanceof Error ? 'Error' : typeof e)); }
        };
        for (const [name, f] of Object.entries(direct)) { attempt(name, f, [P, P]); attempt(name, f, [evil, evil]); }
        for (const [name, f] of Object.entries(scheduling)) attempt(name, f, [noop, evil]);
        await new Promise((r) => setTimeout(r, 5));
        return out;
      };`,
    });
    // Whatever each call did, it happened inside the isolate: the invocation itself carried on.
    await s.verdict(expect, inv, { status: 'success' });
    expect(JSON.parse(inv.record.response ?? '[]')).toHaveLength(16 * 2 + 5);
  });

  it('Object.prototype getters named like the lab\'s turn fields do not change the outcome', async ({ expect }) => {
    const inv = await s.attack({
      code: `export const handler = async () => {
        for (const k of ['ok', 'outcome', 'exit', 'uncaught', 'deferred', 'init', 'ops', 'response', 'errorType', 'errorMessage', 'trace', 'error'])
          Object.defineProperty(Object.prototype, k, { get() { return 'EVIL'; }, set() {}, configurable: true });
        return { real: true };
      };`,
    });
    await s.verdict(expect, inv, { status: 'success' });
    expect(inv.record.response).toBe('{"real":true}');
  });

  it('a poisoned JSON.stringify and JSON.parse change neither the event the handler gets nor the response', async ({ expect }) => {
    const inv = await s.attack(
      { code: `JSON.stringify = () => '{"forged":true}'; JSON.parse = () => ({ forged: true }); export const handler = async (event) => ({ event, real: 1 });` },
      '{"a":1}',
    );
    await s.verdict(expect, inv, { status: 'success' });
    expect(inv.record.response).toBe('{"event":{"a":1},"real":1}');
  });

  it('a poisoned Promise.prototype.then does not change how the lab settles an async handler', async ({ expect }) => {
    const inv = await s.attack({ code: `export const handler = async () => { Promise.prototype.then = function () { throw new Error('poisoned then'); }; return { real: 1 }; };` });
    await s.verdict(expect, inv, { status: 'success' });
    expect(inv.record.response).toBe('{"real":1}');
  });

  it('a poisoned Promise.prototype.then does not turn a handler\'s error into a runtime crash', async ({ expect }) => {
    const inv = await s.attack({ code: `export const handler = async () => { Promise.prototype.then = function () { throw new Error('poisoned then'); }; throw new RangeError('real'); };` });
    await s.verdict(expect, inv, { status: 'error', errorType: 'RangeError' });
    expect(inv.record.error?.errorMessage).toBe('real');
  });

  it('poisoned Array.prototype and String.prototype methods do not break console.log', async ({ expect }) => {
    const inv = await s.attack({
      code: `export const handler = async () => {
        for (const m of ['push', 'pop', 'shift', 'unshift', 'splice', 'join', 'map', 'filter', 'forEach', 'slice', 'concat', 'indexOf', 'includes'])
          Array.prototype[m] = () => { throw new Error('poisoned Array.prototype.' + m); };
        for (const m of ['slice', 'split', 'replace', 'replaceAll', 'padStart', 'repeat', 'indexOf', 'includes', 'startsWith', 'trim', 'toString'])
          String.prototype[m] = () => { throw new Error('poisoned String.prototype.' + m); };
        console.log('line', { a: 1 }, [1, 2]);
        return 'ok';
      };`,
    });
    await s.verdict(expect, inv, { status: 'success' });
    expect(inv.record.logs).toContain('\tINFO\tline { a: 1 } [ 1, 2 ]');
  });

  it('a poisoned String.prototype.charCodeAt does not garble the log the lab writes', async ({ expect }) => {
    const inv = await s.attack({ code: `export const handler = async () => { String.prototype.charCodeAt = () => 65; console.log('hello world'); throw new TypeError('real error'); };` });
    await s.verdict(expect, inv, { status: 'error', errorType: 'TypeError' });
    expect.soft(inv.record.logs).toContain('\tINFO\thello world');
    expect.soft(inv.record.logs).toMatch(/\tERROR\tInvoke Error \t\{"errorType":"TypeError","errorMessage":"real error"/);
  });

  it('a poisoned Array iterator does not hang console.log or the error report', async ({ expect }) => {
    const inv = await s.attack({
      code: `export const handler = async () => {
        // Built before the poisoning: new Map([...]) would itself iterate the poisoned array.
        const map = new Map([[1, 2]]);
        Array.prototype[Symbol.iterator] = function* () { while (true) {} };
        Map.prototype[Symbol.iterator] = function* () { while (true) {} };
        Object.getPrototypeOf(map.entries()).next = function () { while (true) {} };
        console.log('x', [1, 2], map);
        throw new Error('after iterator');
      };`,
    });
    await s.verdict(expect, inv, { status: 'error', errorType: 'Error' });
    expect.soft(inv.record.logs).toContain('\tINFO\tx [ 1, 2 ] Map(1) { 1 => 2 }');
  });

  it('an Array.prototype index getter runs no user code while the lab reads the turn\'s result', async ({ expect }) => {
    const inv = await s.attack({
      code: `export const handler = async () => {
        Object.defineProperty(Array.prototype, '0', { get() { while (true) {} }, set(v) {}, configurable: true });
        throw new Error('real');
      };`,
    });
    // Either the lab is immune (the error as thrown) or the loop ran in the user's own turn (a
    // timeout); never a misreported out-of-memory after a fixed 2 s stall.
    await s.verdict(expect, inv, { status: ['error', 'timeout'], errorType: ['Error', 'Sandbox.Timedout'] });
  });

  it('a timer delay forged through a poisoned Math.trunc cannot inject fields into the lab\'s turn output', async ({ expect }) => {
    const name = await s.deploy({
      code: `let n = 0; export const handler = async () => { n++; Math.trunc = () => '0]],"exit":7,"zz":[[0'; setTimeout(() => {}, 5); return 'fine ' + n; };`,
    });
    const first = await s.invoke(name);
    await s.verdict(expect, first, { status: 'success', noCanary: true });
    expect.soft(first.record.response).toBe('"fine 1"');
    expect.soft(first.record.logs).not.toContain('exit status 7');
    // The forged `exit` must not have ended the environment: the next invocation is warm.
    const second = await s.invoke(name);
    expect.soft(second.record.response, 'the environment survived').toBe('"fine 2"');
    await s.canary(expect);
  });

  it('a poisoned Number and Math.trunc cannot forge an uncaught error for the invocation', async ({ expect }) => {
    const inv = await s.attack({
      code: `export const handler = async () => {
        globalThis.Number = () => '5';
        Math.trunc = (x) => x + ',1]],"uncaught":{"errorType":"Forged.ByTheFunction","errorMessage":"forged","trace":[]},"q":[[0';
        setTimeout(() => {}, 5);
        return 'fine';
      };`,
    });
    await s.verdict(expect, inv, { status: 'success' });
    expect(inv.record.errorType).not.toBe('Forged.ByTheFunction');
  });

  it('a process.exitCode whose valueOf never returns is not misreported as out of memory', async ({ expect }) => {
    const inv = await s.attack({ code: `export const handler = async () => { process.exitCode = { valueOf() { while (true) {} } }; process.exit(); };` });
    // Node 24 rejects a non-integer exitCode (TypeError); coercing it in the user's turn times out.
    await s.verdict(expect, inv, { status: ['error', 'timeout'], errorType: ['TypeError', 'Sandbox.Timedout'] });
  });
});

// ---- in-process: the isolate's global object, inspected without the runner in the way ------------

/** Walks everything reachable from a root by own property descriptors (no getter runs). */
const WALKER = `(function walk(root, maxNodes) {
  const FPT = Function.prototype.toString, OPT = Object.prototype.toString, ROK = Reflect.ownKeys;
  const GOPD = Object.getOwnPropertyDescriptor, GPO = Object.getPrototypeOf;
  const sabLength = typeof SharedArrayBuffer === 'function' ? GOPD(SharedArrayBuffer.prototype, 'byteLength').get : undefined;
  const isSab = (o) => { try { sabLength.call(o); return true; } catch { return false; } };
  const seen = new Set(); const natives = []; const suspicious = []; const queue = [[root, 'globalThis']];
  // Standard intrinsics that no global property leads to (reached the same way in both realms).
  queue.push([{ asyncFunction: async function () {}, generator: function* () {}, asyncGenerator: async function* () {},
    arrayIterator: [][Symbol.iterator](), mapIterator: new Map()[Symbol.iterator](), setIterator: new Set()[Symbol.iterator](),
    stringIterator: ''[Symbol.iterator](), regExpStringIterator: ''.matchAll(/x/g), args: (function () { return arguments; })(),
    throwTypeError: (GOPD(Function.prototype, 'caller') || {}).get }, 'intrinsics']);
  const isNative = (f) => { try { return /\\{\\s*\\[native code\\]\\s*\\}$/.test(FPT.call(f)); } catch { return false; } };
  for (let i = 0; i < queue.length && seen.size < maxNodes; i++) {
    const [o, path] = queue[i];
    if (seen.has(o)) continue;
    seen.add(o);
    // Bound functions print as native code too; they are the isolate's own, not the host's.
    let bound = false; try { bound = typeof o === 'function' && /^bound /.test(String((GOPD(o, 'name') || {}).value)); } catch {}
    if (typeof o === 'function' && isNative(o) && !bound) natives.push(path);
    let tag = ''; try { tag = OPT.call(o); } catch {}
    if (tag === '') tag = '?';
    let ctor = ''; try { const d = GOPD(GPO(o) ?? {}, 'constructor'); ctor = d && typeof d.value === 'function' ? d.value.name : ''; } catch {}
    if (isSab(o) || /^(Reference|ExternalCopy|Callback|Isolate|Context|Script|Module|NativeModule)$/.test(ctor)) suspicious.push(path + ' ' + tag + ' ' + ctor);
    let keys = []; try { keys = ROK(o); } catch {}
    for (const k of keys) {
      const name = typeof k === 'symbol' ? '[' + String(k) + ']' : k;
      let d; try { d = GOPD(o, k); } catch { continue; }
      if (!d) continue;
      for (const [suffix, v] of [['', d.value], ['<get>', d.get], ['<set>', d.set]]) {
        if (v !== null && (typeof v === 'object' || typeof v === 'function')) queue.push([v, path + '.' + name + suffix]);
      }
    }
    let proto = null; try { proto = GPO(o); } catch {}
    if (proto) queue.push([proto, path + '.__proto__']);
  }
  return JSON.stringify({ natives, suspicious, nodes: seen.size });
})`;

/** Reads every lazy global and loads every built-in module, so the walk sees what they hold. */
const MATERIALISE = `function materialise() {
  for (const k of Reflect.ownKeys(globalThis)) { try { globalThis[k]; } catch {} }
  const bridge = globalThis[Symbol.for('lambda-lab.esm-bridge')];
  const modules = {};
  for (const n of ['util', 'util/types', 'path', 'path/posix', 'events', 'process', 'console', 'timers', 'timers/promises', 'buffer', 'crypto', 'url',
    'querystring', 'string_decoder', 'os', 'assert', 'assert/strict', 'fs', 'fs/promises', 'perf_hooks', 'stream', 'zlib', 'http', 'https', 'net', 'child_process']) {
    try { const m = bridge.builtin(n); if (m !== undefined) modules[n] = m; } catch {}
  }
  globalThis.__probeModules = modules;
}`;

interface Walk {
  natives: string[];
  suspicious: string[];
  nodes: number;
}

async function pristineWalk(): Promise<Walk> {
  const isolate = new ivm.Isolate({ memoryLimit: 64 });
  try {
    const context = await isolate.createContext();
    const json = (await context.eval(`${WALKER}(globalThis, 100000)`, { copy: true })) as string;
    return JSON.parse(json) as Walk;
  } finally {
    isolate.dispose();
  }
}

describe('the isolate\'s global object (in-process)', () => {
  it('keeps no lab internals on the global object: no __lab_* names, no WebAssembly, a frozen two-function ES module bridge', async () => {
    const r = await runOnce({
      'index.mjs': `export const handler = async () => {
        const key = Symbol.for('lambda-lab.esm-bridge');
        const d = Object.getOwnPropertyDescriptor(globalThis, key);
        return {
          types: ['__lab_glue', '__lab_host', '__lab_boot_config', '__lab_log_buffer', 'WebAssembly', 'require', 'module', 'exports', '__filename', 'ivm', '_ivm']
            .map((n) => n + ':' + typeof globalThis[n]),
          labNames: Reflect.ownKeys(globalThis).map(String).filter((n) => /lab|ivm|isolated/i.test(n)),
          bridgeKeys: Reflect.ownKeys(d.value).map(String), frozen: Object.isFrozen(d.value), writable: d.writable, configurable: d.configurable,
          reassigned: (() => { try { globalThis[key] = { builtin: () => 'evil' }; } catch {} return globalThis[key].builtin('process') === process; })(),
        };
      };`,
    });
    expect(r.status).toBe('success');
    expect(JSON.parse(r.response ?? '{}')).toEqual({
      types: ['__lab_glue', '__lab_host', '__lab_boot_config', '__lab_log_buffer', 'WebAssembly', 'require', 'module', 'exports', '__filename', 'ivm', '_ivm'].map((n) => `${n}:undefined`),
      labNames: ['Symbol(lambda-lab.esm-bridge)'],
      // `ready` takes the handler module's namespace once; user code calling it first only
      // chooses its own handler, which it controls anyway.
      bridgeKeys: ['builtin', 'cjs', 'ready'],
      frozen: true,
      writable: false,
      configurable: false,
      reassigned: true,
    });
  });

  it('exposes no host function: every native function reachable from globalThis is one a pristine isolate also has', async () => {
    const pristine = await pristineWalk();
    const r = await runOnce({ 'index.mjs': `const walk = ${WALKER}; ${MATERIALISE} export const handler = async () => { materialise(); return walk(globalThis, 200000); };` });
    expect(r.status).toBe('success');
    const lab = JSON.parse(JSON.parse(r.response ?? '""') as string) as Walk;
    expect(lab.nodes).toBeGreaterThan(pristine.nodes);
    const known = new Set(pristine.natives);
    expect(lab.natives.filter((p) => !known.has(p))).toEqual([]);
  });

  it('leaves no SharedArrayBuffer (the log buffer), Reference, ExternalCopy or Callback reachable from globalThis', async () => {
    const r = await runOnce({ 'index.mjs': `const walk = ${WALKER}; ${MATERIALISE} export const handler = async () => { console.log('the log buffer is in use'); materialise(); return walk(globalThis, 200000); };` });
    const lab = JSON.parse(JSON.parse(r.response ?? '""') as string) as Walk;
    expect(lab.suspicious).toEqual([]);
  });

  it('lets the ES module bridge load nothing but the function\'s own files and the lab\'s built-ins', async () => {
    const r = await runOnce({
      'index.mjs': `export const handler = async () => {
        const bridge = globalThis[Symbol.for('lambda-lab.esm-bridge')];
        const out = {};
        for (const n of ['child_process', 'worker_threads', 'vm', 'module', 'net', 'v8', 'inspector', 'isolated-vm', 'better-sqlite3', '../../runner.js'])
          out['builtin ' + n] = typeof bridge.builtin(n);
        for (const p of ['/etc/passwd', '/proc/self/environ', '/var/runtime/index.mjs', '/var/task/../../etc/hostname', '${process.cwd()}/package.json'])
          try { bridge.cjs(p); out['cjs ' + p] = 'loaded'; } catch (e) { out['cjs ' + p] = e.code; }
        out['cjs own'] = bridge.cjs('/var/task/helper.js').value;
        return out;
      };`,
      'helper.js': `exports.value = 42;`,
    });
    const out = JSON.parse(r.response ?? '{}') as Record<string, unknown>;
    for (const [k, v] of Object.entries(out)) {
      if (k.startsWith('builtin ')) expect.soft(v, k).toBe('undefined');
      else if (k.startsWith('cjs /')) expect.soft(v, k).toBe('MODULE_NOT_FOUND');
    }
    expect(out['cjs own']).toBe(42);
  });
});

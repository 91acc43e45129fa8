// The host's environment: the student's real AWS credentials, other host variables and the
// host's own files never reach a function, whatever it looks through. The harness plants fake
// secrets in this process's environment before any lab (and so any runner) starts.
import { existsSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { cpus, homedir, hostname, networkInterfaces, userInfo } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lambdaEnvironment } from '../../sandbox/runtime/lambda-env.ts';
import { disposeAll, runOnce } from '../helpers/environments.ts';
import { HOST_SECRETS, SecurityLab, hostLeaks, visibleText } from './harness.ts';

let s: SecurityLab;
beforeAll(async () => {
  s = await SecurityLab.start();
});
afterAll(async () => {
  await s.close();
  disposeAll();
});

/** Collects every string reachable from a few roots (keys, values and getter results) into one text. */
const SCAN = `
  function scan(roots, maxNodes) {
    const seen = new Set(); const parts = []; const queue = Object.entries(roots);
    for (let i = 0; i < queue.length && seen.size < maxNodes; i++) {
      const [path, o] = queue[i];
      if (typeof o === 'string') { parts.push(o); continue; }
      if (o === null || (typeof o !== 'object' && typeof o !== 'function') || seen.has(o)) continue;
      seen.add(o);
      if (typeof o === 'function') { try { parts.push(Function.prototype.toString.call(o).slice(0, 200)); } catch {} }
      let keys = []; try { keys = Reflect.ownKeys(o); } catch {}
      for (const k of keys) {
        parts.push(String(k));
        let d; try { d = Object.getOwnPropertyDescriptor(o, k); } catch { continue; }
        if (!d) continue;
        let v = d.value;
        if (d.get) { try { v = d.get.call(o); } catch { v = undefined; } }
        queue.push([path + '.' + String(k), v]);
      }
      try { queue.push([path + '.__proto__', Object.getPrototypeOf(o)]); } catch {}
    }
    return parts.join('\\n');
  }`;

describe.concurrent('the host environment, through the real lab', () => {
  it('process.env holds Lambda\'s variables and the function\'s own, never the host\'s', async ({ expect }) => {
    const inv = await s.attack({
      code: `export const handler = async () => ({ ...process.env });`,
      config: { environment: { MY_SETTING: 'mine' } },
    });
    await s.verdict(expect, inv, { status: 'success' });
    const env = JSON.parse(inv.record.response ?? '{}') as Record<string, string>;
    const expected = lambdaEnvironment({
      functionName: 'x', handler: 'index.handler', runtime: 'nodejs24.x', memorySizeMB: 128, region: 'us-east-1',
      logStreamName: 'x', logFormat: 'Text', applicationLogLevel: 'INFO', variables: { MY_SETTING: 'mine' },
    });
    expect(Object.keys(env).filter((k) => !(k in expected))).toEqual([]);
    expect(env['MY_SETTING']).toBe('mine');
    expect(env['LAB_HOST_SECRET']).toBeUndefined();
    expect(env['AWS_SECRET_ACCESS_KEY']).toBe(expected['AWS_SECRET_ACCESS_KEY']);
    expect(env['AWS_ACCESS_KEY_ID']).toBe(expected['AWS_ACCESS_KEY_ID']);
    expect(hostLeaks(visibleText(inv.record))).toEqual([]);
  });

  it('the host\'s secrets appear nowhere a function can look: globalThis, built-ins, constructor chains, error stacks', async ({ expect }) => {
    const inv = await s.attack({
      code: {
        'index.js': `${SCAN}
          exports.handler = async function (event, context) {
            const viaCtor = this && this.constructor ? this.constructor.constructor('return globalThis.process')() : undefined;
            const roots = { globalThis, viaCtor, viaFunction: Function('return this')(), module, require, context,
              util: require('util'), events: require('events'), path: require('path'), timers: require('timers'),
              processModule: require('process'), consoleModule: require('console'), stack: new Error('probe').stack,
              requireError: (() => { try { require('/proc/self/environ'); } catch (e) { return e.stack + e.message; } })(),
              evalError: (() => { try { (0, eval)('throw new Error("e")'); } catch (e) { return e.stack; } })(),
              env: JSON.stringify(process.env), argv: process.argv.join(' '), cwd: process.cwd(), execPath: process.execPath };
            return scan(roots, 60000);
          };`,
      },
      config: { handler: 'index.handler' },
    });
    await s.verdict(expect, inv, { status: 'success' });
    const text = JSON.parse(inv.record.response ?? '""') as string;
    expect(text.length).toBeGreaterThan(10_000);
    expect(text).toContain('AWS_LAMBDA_FUNCTION_NAME');
    expect(hostLeaks(text)).toEqual([]);
    for (const secret of Object.values(HOST_SECRETS)) expect(text).not.toContain(secret);
  });

  it('the process a function sees is Lambda\'s, not the host\'s or the runner\'s', async ({ expect }) => {
    const inv = await s.attack({
      code: `export const handler = async () => ({ pid: process.pid, ppid: process.ppid, cwd: process.cwd(), execPath: process.execPath,
        argv: process.argv, execArgv: process.execArgv, platform: process.platform, uid: process.getuid(),
        kill: (() => { try { process.kill(1, 'SIGKILL'); return 'sent'; } catch { return 'refused'; } })(),
        chdir: (() => { try { process.chdir('/'); return 'moved'; } catch { return 'refused'; } })() });`,
    });
    await s.verdict(expect, inv, { status: 'success' });
    expect(JSON.parse(inv.record.response ?? '{}')).toEqual({
      pid: 8, ppid: 1, cwd: '/var/task', execPath: '/var/lang/bin/node', argv: ['/var/lang/bin/node', '/var/runtime/index.mjs'],
      execArgv: [], platform: 'linux', uid: 993, kill: 'refused', chdir: 'refused',
    });
    expect(process.pid).not.toBe(8);
  });

  it('error stacks and logs of failing handlers carry no host file path', async ({ expect }) => {
    for (const code of [
      `export const handler = async () => { throw new Error('sync'); };`,
      `export const handler = async () => { await new Promise((r) => setTimeout(r, 1)); null.x; };`,
      `export const handler = async () => { setTimeout(() => { throw new TypeError('in a timer'); }, 1); await new Promise((r) => setTimeout(r, 50)); };`,
      `export const handler = async () => { Promise.reject(new Error('unhandled')); return 1; };`,
      `export const handler = async () => { const f = () => f(); f(); };`,
    ]) {
      const inv = await s.attack({ code });
      expect.soft(inv.record.status, code).toBe('error');
      expect.soft(hostLeaks(visibleText(inv.record)), code).toEqual([]);
      for (const line of inv.record.error?.trace.slice(1) ?? []) expect.soft(line, code).toMatch(/\((file:\/\/)?\/var\/(task|runtime)\/|node:|^\s+at (file:\/\/)?\/var\/(task|runtime)\//);
    }
    await s.canary(expect);
  });

  it('an ES module that throws during INIT reports no host file path or host stack frame', async ({ expect }) => {
    const inv = await s.attack({ code: `throw new Error('boom at init'); export const handler = async () => 1;` });
    await s.verdict(expect, inv, { status: 'error', errorType: 'Error' });
    expect.soft(hostLeaks(JSON.stringify(inv.record.error ?? null)), 'in the error').toEqual([]);
    expect.soft(hostLeaks(inv.record.logs), 'in the logs').toEqual([]);
  });

  it('an ES module whose top-level await rejects cannot read the host\'s stack frames from inside the isolate', async ({ expect }) => {
    const inv = await s.attack({
      code: `
        // Whatever error the lab formats next passes through this hook, inside the function's realm.
        Error.prototype.toJSON = function () { console.log('CAPTURED ' + String(this.stack).replace(/\\n/g, ' | ')); return { captured: true }; };
        await Promise.reject(new TypeError('tla'));
        export const handler = async () => 1;`,
    });
    await s.verdict(expect, inv, { status: 'error', errorType: 'TypeError' });
    expect.soft(inv.record.logs, 'the hook ran').toContain('CAPTURED TypeError: tla');
    expect.soft(hostLeaks(inv.record.logs), 'what the function captured').toEqual([]);
  });

  it('Node\'s process, network and VM built-ins and the host\'s files cannot be loaded as modules by require, import or dynamic import', async ({ expect }) => {
    // fs and os exist in the lab (over /tmp and a simulated machine, see below); these must not.
    const targets = ['child_process', 'node:child_process', 'net', 'http', 'dgram', 'worker_threads', 'cluster', 'vm', 'module', 'v8', 'inspector', 'wasi', 'isolated-vm', 'better-sqlite3',
      '/etc/passwd', '../../../../etc/passwd', '/proc/self/environ', 'file:///etc/passwd', `${process.cwd()}/package.json`];
    const cjs = await s.attack({
      code: { 'index.js': `exports.handler = async () => ${JSON.stringify(targets)}.map((t) => { try { require(t); return t + ': loaded'; } catch (e) { return t + ': ' + e.code; } });` },
      config: { handler: 'index.handler' },
    });
    await s.verdict(expect, cjs, { status: 'success', noCanary: true });
    for (const line of JSON.parse(cjs.record.response ?? '[]') as string[]) expect.soft(line).toMatch(/: MODULE_NOT_FOUND$/);
    const esm = await s.attack({
      code: `export const handler = async () => { const out = []; for (const t of ${JSON.stringify(targets)}) { try { await import(t); out.push(t + ': loaded'); } catch (e) { out.push(t + ': refused'); } } return out; };`,
    });
    await s.verdict(expect, esm, { status: 'success', noCanary: true });
    for (const line of JSON.parse(esm.record.response ?? '[]') as string[]) expect.soft(line).toMatch(/: refused$/);
    const statics = await s.attack({ code: `import cp from 'node:child_process'; export const handler = async () => typeof cp;` });
    await s.verdict(expect, statics, { status: 'error', errorType: ['Error', 'Runtime.ImportModuleError'] });
    expect(statics.record.response).toBeUndefined();
  });

  it('require(\'os\') describes a Lambda sandbox, not the host machine', async ({ expect }) => {
    const inv = await s.attack({
      code: {
        'index.js': `exports.handler = async () => {
          let os; try { os = require('os'); } catch (e) { return { missing: e.code }; }
          const out = {};
          for (const k of Object.keys(os)) { try { out[k] = typeof os[k] === 'function' ? os[k]() : os[k]; } catch (e) { out[k] = 'threw ' + e.code; } }
          return out;
        };`,
      },
      config: { handler: 'index.handler' },
    });
    await s.verdict(expect, inv, { status: 'success' });
    const text = inv.record.response ?? '';
    const hostAddresses = Object.values(networkInterfaces()).flat().map((a) => a?.address ?? '').filter((a) => a !== '' && a !== '127.0.0.1' && a !== '::1');
    const machine = [hostname(), homedir(), cpus()[0]?.model ?? '', ...hostAddresses].filter((v) => v.length >= 6);
    expect(machine.filter((v) => text.includes(v)), 'host machine details in os.*()').toEqual([]);
    expect(hostLeaks(text)).toEqual([]);
    if (!text.includes('"missing"')) expect((JSON.parse(text) as { userInfo: { username: string } }).userInfo.username).not.toBe(userInfo().username);
  });

  it('fs reads nothing of the host\'s disk: /etc, /proc, the lab\'s own folder, or paths that climb out of /tmp', async ({ expect }) => {
    const hostPaths = ['/etc/passwd', '/etc/hostname', '/proc/self/environ', '/proc/self/cmdline', '/proc/1/environ', `${process.cwd()}/package.json`,
      '/tmp/../etc/passwd', '/tmp/../../proc/self/environ', '/var/task/../../etc/passwd', 'file:///etc/passwd', '/', '/proc', '/root', process.cwd()];
    const inv = await s.attack({
      code: {
        'index.js': `exports.handler = async () => {
          let fs; try { fs = require('fs'); } catch (e) { return ['fs ' + e.code]; }
          const out = [];
          // Results are labelled by index, so that the paths asked for are not echoed back.
          ${JSON.stringify(hostPaths)}.forEach((p, i) => {
            for (const [name, fn] of [['read', () => fs.readFileSync(p.startsWith('file:') ? new URL(p) : p, 'utf8')], ['list', () => fs.readdirSync(p).join(',')],
              ['write', () => fs.writeFileSync(p === '/' ? '/evil' : p + '.evil', 'x')], ['stat', () => JSON.stringify(fs.statSync(p))]]) {
              try { out.push(name + ' #' + i + ' -> ' + String(fn()).slice(0, 2000)); } catch (e) { out.push(name + ' #' + i + ' ! ' + e.code); }
            }
          });
          return out;
        };`,
      },
      config: { handler: 'index.handler' },
    });
    await s.verdict(expect, inv, { status: 'success' });
    const text = inv.record.response ?? '';
    const hostContents = ['/etc/hostname', '/etc/passwd'].map((p) => { try { return readFileSync(p, 'utf8').trim().split('\n')[0] ?? ''; } catch { return ''; } }).filter((c) => c.length >= 6);
    expect(hostContents.filter((c) => text.includes(c)), 'host file contents').toEqual([]);
    expect(hostLeaks(text)).toEqual([]);
    expect(text).not.toContain('"name": "lambda-lab"');
    // Writes outside the sandbox's /tmp fail; a host path that happens to lie under /tmp (a CI
    // checkout in /tmp/...) lands in the function's own in-memory /tmp, never on the host disk.
    const inSandboxTmp = (p: string): boolean => posix.normalize(p).startsWith('/tmp/');
    for (const line of JSON.parse(text) as string[]) {
      const m = /^write #(\d+) /.exec(line);
      if (m === null) continue;
      const p = hostPaths[Number(m[1])] ?? '';
      if (!inSandboxTmp(p === '/' ? '/evil' : `${p}.evil`)) expect.soft(line).toMatch(/ ! E[A-Z]+$/);
    }
    for (const p of hostPaths) expect(existsSync(`${p}.evil`), `${p}.evil on the host disk`).toBe(false);
  });

  it('one function\'s /tmp is invisible to another function', async ({ expect }) => {
    const writer = await s.attack({
      code: { 'index.js': `exports.handler = async () => { const fs = require('fs'); fs.writeFileSync('/tmp/secret.txt', 'writer-private-data'); return fs.readdirSync('/tmp'); };` },
      config: { handler: 'index.handler' },
    });
    await s.verdict(expect, writer, { status: 'success', noCanary: true });
    expect(writer.record.response).toContain('secret.txt');
    const reader = await s.attack({
      code: { 'index.js': `exports.handler = async () => { const fs = require('fs'); return { list: fs.readdirSync('/tmp'), read: (() => { try { return fs.readFileSync('/tmp/secret.txt', 'utf8'); } catch (e) { return e.code; } })() }; };` },
      config: { handler: 'index.handler' },
    });
    await s.verdict(expect, reader, { status: 'success' });
    expect(JSON.parse(reader.record.response ?? '{}')).toEqual({ list: [], read: 'ENOENT' });
  });
});

describe('the host environment, in-process (no runner filtering the environment)', () => {
  it('even in the host\'s own process, a function sees none of the host\'s environment variables', async () => {
    expect(process.env['LAB_HOST_SECRET']).toBe(HOST_SECRETS.LAB_HOST_SECRET);
    const r = await runOnce({
      'index.mjs': `${SCAN}
        export const handler = async () => scan({ globalThis, env: JSON.stringify(process.env), viaCtor: (() => {}).constructor('return globalThis')() }, 60000);`,
    });
    expect(r.status).toBe('success');
    const text = JSON.parse(r.response ?? '""') as string;
    expect(text).toContain('AWS_LAMBDA_FUNCTION_NAME');
    expect(hostLeaks(text)).toEqual([]);
    for (const [k, v] of Object.entries(process.env)) {
      if (v !== undefined && v.length >= 12 && !/^\/(usr|bin)/.test(v)) expect.soft(text, `host variable ${k}`).not.toContain(v);
    }
  });
});

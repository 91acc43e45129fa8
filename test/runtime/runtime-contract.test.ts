// The handler contract of Lambda's Node.js runtimes, checked against
// ../shared/reference/lambda-facts.md §1–§3 (RIC 3.x for nodejs20/22, RIC 4 for nodejs24).
import { afterAll, describe, expect, it } from 'vitest';
import type { RuntimeId } from '../../sandbox/runtime/environment.ts';
import { appLines, disposeAll, environment, invoke, runOnce } from '../helpers/environments.ts';

afterAll(disposeAll);

const OLD = ['nodejs20.x', 'nodejs22.x'] as const;

describe('callback handlers on nodejs20.x and nodejs22.x', () => {
  it.each(OLD)('%s: callback(null, result) answers with the result', async (runtime) => {
    const r = await runOnce({ 'index.js': `exports.handler = (event, context, callback) => { callback(null, { got: event.x }); };` }, { x: 1 }, { runtime });
    expect(r.status).toBe('success');
    expect(r.response).toBe('{"got":1}');
  });

  it('waits for the event loop to drain before answering (callbackWaitsForEmptyEventLoop = true)', async () => {
    const r = await runOnce({ 'index.js': `exports.handler = (e, ctx, cb) => { setTimeout(() => console.log('timer ran'), 80); cb(null, 'done'); };` }, {}, { runtime: 'nodejs22.x' });
    expect(r.response).toBe('"done"');
    expect(r.durationMs).toBeGreaterThanOrEqual(70);
    expect(r.logs).toContain('timer ran');
  });

  it('answers at once with callbackWaitsForEmptyEventLoop = false; the frozen timer fires during the next invocation', async () => {
    const env = await environment({ 'index.js': `let n = 0; exports.handler = (e, ctx, cb) => { ctx.callbackWaitsForEmptyEventLoop = false; const me = ++n; if (me === 1) setTimeout(() => console.log('timer set by invocation 1'), 150); setTimeout(() => cb(null, me), e.wait ?? 0); };` }, { runtime: 'nodejs20.x' });
    const first = await invoke(env);
    expect(first.response).toBe('1');
    expect(first.durationMs).toBeLessThan(100);
    expect(first.logs).not.toContain('timer set by invocation 1');
    // Time does not pass for a frozen environment: even after 300 ms of wall time the timer
    // still has ~150 ms left, and it fires inside the next invocation, under its request id.
    await new Promise((r) => setTimeout(r, 300));
    const second = await invoke(env, { wait: 250 });
    expect(second.response).toBe('2');
    expect(appLines(second.logs).find((l) => l.includes('timer set by invocation 1'))).toContain(`\t${second.requestId}\tINFO\t`);
    env.dispose();
  });

  it('context.succeed, context.fail and context.done: the first call wins', async () => {
    const ok = await runOnce({ 'index.js': `exports.handler = (e, ctx) => { ctx.succeed({ a: 1 }); ctx.fail(new Error('ignored')); };` }, {}, { runtime: 'nodejs22.x' });
    expect(ok.response).toBe('{"a":1}');
    const failed = await runOnce({ 'index.js': `exports.handler = (e, ctx) => { ctx.fail(new Error('nope')); };` }, {}, { runtime: 'nodejs22.x' });
    expect(failed.error).toMatchObject({ errorType: 'Error', errorMessage: 'nope' });
    const done = await runOnce({ 'index.js': `exports.handler = (e, ctx) => { ctx.done(null, 'via done'); };` }, {}, { runtime: 'nodejs20.x' });
    expect(done.response).toBe('"via done"');
    const handled = await runOnce({ 'index.js': `exports.handler = (e, ctx) => { ctx.fail(); };` }, {}, { runtime: 'nodejs20.x' });
    expect(handled.error).toEqual({ errorType: 'string', errorMessage: 'handled', trace: [] });
  });

  it('ignores a synchronous handler\'s return value and answers null once the loop is empty', async () => {
    const r = await runOnce({ 'index.js': `exports.handler = (event) => ({ ignored: true });` }, {}, { runtime: 'nodejs22.x' });
    expect(r.status).toBe('success');
    expect(r.response).toBe('null');
  });

  it('warns at INIT about callback-style handlers (until Node.js 24 removed them)', async () => {
    const r = await runOnce({ 'index.js': `exports.handler = (e, ctx, cb) => cb(null, 1);` }, {}, { runtime: 'nodejs22.x' });
    const warn = appLines(r.logs).find((l) => l.includes('\tWARN\t'));
    expect(warn).toMatch(/^\S+\tundefined\tWARN\tAWS Lambda plans to remove support for callback-based function handlers starting with Node\.js 24\./);
  });

  it('a promise that never settles while the loop drains ends with Runtime.NodeJsExit', async () => {
    const r = await runOnce({ 'index.mjs': `export const handler = async () => new Promise(() => {});` }, {}, { runtime: 'nodejs22.x' });
    expect(r.error?.errorType).toBe('Runtime.NodeJsExit');
    expect(r.error?.errorMessage).toMatch(/^The Lambda runtime client detected an unexpected Node\.js exit code\. This is most commonly caused by a Promise that was never settled\./);
  });
});

describe('nodejs24.x', () => {
  const REMOVED = 'ERROR: AWS Lambda has removed support for callback-based function handlers starting with Node.js 24. You need to modify this function to use a supported handler signature to use Node.js 24 or later. For more information see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html.';

  it.each([
    ['a callback handler', `exports.handler = (event, context, callback) => callback(null, 1);`],
    ['an async handler that declares a callback', `exports.handler = async (event, context, callback) => 1;`],
  ])('fails INIT with Runtime.CallbackHandlerDeprecated for %s', async (_name, code) => {
    const r = await runOnce({ 'index.js': code }, {}, { runtime: 'nodejs24.x' });
    expect(r.error?.errorType).toBe('Runtime.CallbackHandlerDeprecated');
    expect(r.error?.errorMessage).toBe(REMOVED);
    expect(r.logs).toMatch(/INIT_REPORT Init Duration: [\d.]+ ms\tPhase: init\tStatus: error\tError Type: Runtime\.CallbackHandlerDeprecated/);
  });

  it('awaits a synchronous handler and returns its value', async () => {
    const r = await runOnce({ 'index.js': `exports.handler = (event) => ({ sync: event.v });` }, { v: 3 }, { runtime: 'nodejs24.x' });
    expect(r.response).toBe('{"sync":3}');
  });

  it('has no context.succeed/fail/done or callbackWaitsForEmptyEventLoop', async () => {
    const r = await runOnce({ 'index.mjs': `export const handler = async (e, ctx) => ['succeed', 'fail', 'done', 'callbackWaitsForEmptyEventLoop'].map(k => k in ctx);` }, {}, { runtime: 'nodejs24.x' });
    expect(r.response).toBe('[false,false,false,false]');
  });
});

describe('results and errors', () => {
  it.each<[RuntimeId, string, object]>([
    ['nodejs22.x', `throw 'boom'`, { errorType: 'string', errorMessage: 'boom', trace: [] }],
    ['nodejs24.x', `throw 'boom'`, { errorType: 'string', errorMessage: 'boom', trace: [] }],
    ['nodejs22.x', `throw { a: 1 }`, { errorType: 'object', errorMessage: '[object Object]', trace: [] }],
    ['nodejs22.x', `return Promise.reject(undefined)`, { errorType: 'string', errorMessage: 'handled', trace: [] }],
    ['nodejs24.x', `return Promise.reject(undefined)`, { errorType: 'undefined', errorMessage: 'undefined', trace: [] }],
  ])('%s: `%s` gives %j', async (runtime, body, expected) => {
    const r = await runOnce({ 'index.mjs': `export const handler = async () => { ${body}; };` }, {}, { runtime });
    expect(r.error).toEqual(expected);
  });

  it('uses the error\'s name as errorType (custom errors too) and leaves out its own properties', async () => {
    const r = await runOnce({ 'index.mjs': `class PaymentDeclined extends Error { constructor(m) { super(m); this.name = 'PaymentDeclined'; this.code = 'E42'; } } export const handler = async () => { throw new PaymentDeclined('card declined'); };` });
    expect(r.error?.errorType).toBe('PaymentDeclined');
    expect(Object.keys(r.error ?? {})).toEqual(['errorType', 'errorMessage', 'trace']);
    // The Invoke Error log line does include the enumerable properties.
    expect(r.logs).toMatch(/Invoke Error \t\{"errorType":"PaymentDeclined","errorMessage":"card declined","code":"E42","name":"PaymentDeclined","stack":\[/);
  });

  it.each<[RuntimeId, string]>([
    ['nodejs24.x', 'Runtime.JSONStringifyError'],
    ['nodejs22.x', 'Error'],
  ])('%s: a result that cannot be serialised fails with %s', async (runtime, errorType) => {
    const r = await runOnce({ 'index.mjs': `export const handler = async () => { const a = {}; a.self = a; return a; };` }, {}, { runtime });
    expect(r.error).toMatchObject({ errorType, errorMessage: 'Unable to stringify response body' });
  });

  it('fails with Function.ResponseSizeTooLarge above 6 MB', async () => {
    const r = await runOnce({ 'index.mjs': `export const handler = async () => 'x'.repeat(6_300_000);` }, {}, { memorySizeMB: 256 });
    expect(r.error).toEqual({ errorType: 'Function.ResponseSizeTooLarge', errorMessage: 'Response payload size exceeded maximum allowed payload size (6291556 bytes).', trace: [] });
  });

  it('reports an unhandled rejection as Runtime.UnhandledPromiseRejection and ends the environment', async () => {
    const env = await environment({ 'index.mjs': `export const handler = async () => { Promise.reject(new Error('forgotten')); await new Promise(r => setTimeout(r, 20)); return 'ok'; };` });
    const r = await invoke(env);
    expect(r.error?.errorType).toBe('Runtime.UnhandledPromiseRejection');
    expect(r.error?.errorMessage).toBe('Error: forgotten');
    expect(r.logs).toContain('Unhandled Promise Rejection');
    expect(r.environmentEnded).toBe(true);
  });

  it('process.exit() ends the invocation with Runtime.ExitError', async () => {
    const r = await runOnce({ 'index.mjs': `export const handler = async () => { process.exit(3); };` });
    expect(r.error).toMatchObject({ errorType: 'Runtime.ExitError', errorMessage: expect.stringContaining('Runtime exited with error: exit status 3') });
    expect(r.environmentEnded).toBe(true);
  });
});

describe('loading the handler', () => {
  it('finds a handler in a sub-folder and a nested export', async () => {
    const r1 = await runOnce({ 'src/app.mjs': `export const handler = async () => 'from src';` }, {}, { handler: 'src/app.handler' });
    expect(r1.response).toBe('"from src"');
    const r2 = await runOnce({ 'index.js': `exports.api = { v1: { handler: async () => 'nested' } };` }, {}, { handler: 'index.api.v1.handler' });
    expect(r2.response).toBe('"nested"');
  });

  it('looks for .js before .mjs before .cjs, and treats .js as ESM under "type": "module"', async () => {
    const both = await runOnce({ 'index.js': `exports.handler = async () => 'js';`, 'index.mjs': `export const handler = async () => 'mjs';` });
    expect(both.response).toBe('"js"');
    const esmJs = await runOnce({ 'package.json': '{"type":"module"}', 'index.js': `export const handler = async () => 'esm .js';` });
    expect(esmJs.response).toBe('"esm .js"');
    const cjs = await runOnce({ 'index.cjs': `module.exports.handler = async () => 'cjs';` });
    expect(cjs.response).toBe('"cjs"');
  });

  it('loads the function\'s own files with require and import, JSON included', async () => {
    const cjs = await runOnce({
      'index.js': `const { add } = require('./lib/math'); const cfg = require('./config.json'); exports.handler = async () => add(cfg.base, 1);`,
      'lib/math.js': `exports.add = (a, b) => a + b;`,
      'config.json': '{"base": 41}',
    });
    expect(cjs.response).toBe('42');
    const esm = await runOnce({
      'index.mjs': `import { add } from './lib/math.mjs'; import legacy from './lib/legacy.cjs'; import { join } from 'node:path'; export const handler = async () => [add(1, 2), legacy.name, join('/a', 'b')];`,
      'lib/math.mjs': `export const add = (a, b) => a + b;`,
      'lib/legacy.cjs': `module.exports = { name: 'legacy' };`,
    });
    expect(esm.response).toBe('[3,"legacy","/a/b"]');
  });

  it('finishes top-level await during INIT, which counts as Init Duration', async () => {
    const r = await runOnce({ 'index.mjs': `const config = await new Promise(r => setTimeout(() => r({ ready: true }), 60)); export const handler = async () => config;` });
    expect(r.response).toBe('{"ready":true}');
    expect(r.initDurationMs).toBeGreaterThanOrEqual(55);
    expect(r.durationMs).toBeLessThan(50);
  });

  it('runs TypeScript and maps stack traces back to the .ts lines', async () => {
    const r = await runOnce({
      'index.ts': [
        'interface Order { id: string; qty: number }',
        '',
        'export const handler = async (event: Order): Promise<string> => {',
        '  if (event.qty < 1) {',
        "    throw new RangeError('quantity must be positive');",
        '  }',
        '  return `order ${event.id}`;',
        '};',
      ].join('\n'),
    }, { id: 'a', qty: 0 });
    expect(r.error?.errorType).toBe('RangeError');
    expect(r.error?.trace[1]).toMatch(/\/var\/task\/index\.ts:5:11\)?$/);
  });

  it.each([
    ['..', 'lib/../index.handler', "'lib/../index.handler' is not a valid handler name. Use absolute paths when specifying root directories in handler names."],
    ['no dot', 'index', 'Bad handler'],
  ])('refuses a malformed handler string (%s) with Runtime.MalformedHandlerName', async (_case, handler, message) => {
    const r = await runOnce({ 'index.mjs': 'export const handler = async () => 1;' }, {}, { handler });
    expect(r.error).toMatchObject({ errorType: 'Runtime.MalformedHandlerName', errorMessage: message });
  });

  it('reports a missing handler module as Runtime.ImportModuleError', async () => {
    const r = await runOnce({ 'main.mjs': 'export const handler = async () => 1;' });
    expect(r.error).toMatchObject({ errorType: 'Runtime.ImportModuleError', errorMessage: "Error: Cannot find module 'index'\nRequire stack:\n- /var/runtime/index.mjs" });
  });

  it('reports a missing dependency of a CommonJS handler as Runtime.ImportModuleError, and of an ES module as Node\'s error', async () => {
    const cjs = await runOnce({ 'index.js': `const axios = require('axios'); exports.handler = async () => 1;` });
    expect(cjs.error).toMatchObject({ errorType: 'Runtime.ImportModuleError', errorMessage: "Error: Cannot find module 'axios'\nRequire stack:\n- /var/task/index.js\n- /var/runtime/index.mjs" });
    const esm = await runOnce({ 'index.mjs': `import axios from 'axios'; export const handler = async () => 1;` });
    expect(esm.error).toMatchObject({ errorType: 'Error', errorMessage: "Cannot find package 'axios' imported from /var/task/index.mjs" });
  });

  it.each([
    ['index.js', 'exports.handler = async () => {'],
    ['index.mjs', 'export const handler = async () => {'],
  ])('reports a syntax error in %s as Runtime.UserCodeSyntaxError', async (file, code) => {
    const r = await runOnce({ [file]: code });
    expect(r.error?.errorType).toBe('Runtime.UserCodeSyntaxError');
    expect(r.error?.errorMessage).toMatch(/^SyntaxError: /);
    expect(r.logs).toMatch(/\tundefined\tERROR\tUncaught Exception \t\{"errorType":"Runtime\.UserCodeSyntaxError"/);
  });

  it('retries a failed INIT inside the first invocation, as Lambda does', async () => {
    const r = await runOnce({ 'index.mjs': `throw new Error('cannot connect');` });
    const initReports = r.logs.split('\n').filter((l) => l.startsWith('INIT_REPORT'));
    expect(initReports).toHaveLength(2);
    expect(initReports[0]).toMatch(/Phase: init\tStatus: error\tError Type: Error$/);
    expect(initReports[1]).toMatch(/Phase: invoke\tStatus: error\tError Type: Error$/);
    expect(r.logs.indexOf('START RequestId')).toBeGreaterThan(r.logs.indexOf(initReports[0] ?? ''));
    expect(r.error).toMatchObject({ errorType: 'Error', errorMessage: 'cannot connect' });
    expect(r.logs).toMatch(/REPORT RequestId: \S+\tDuration: [\d.]+ ms\tBilled Duration: \d+ ms\tMemory Size: 128 MB\tMax Memory Used: \d+ MB\tStatus: error\tError Type: Error$/);
  });
});

describe('context and environment variables', () => {
  it('gives context every member with Lambda\'s value types', async () => {
    const r = await runOnce({ 'index.mjs': `export const handler = async (e, c) => ({ functionName: c.functionName, functionVersion: c.functionVersion, memoryLimitInMB: c.memoryLimitInMB, invokedFunctionArn: c.invokedFunctionArn, awsRequestId: c.awsRequestId, logGroupName: c.logGroupName, logStreamName: c.logStreamName, remaining: c.getRemainingTimeInMillis(), identity: c.identity, clientContext: c.clientContext });` }, {}, { functionName: 'orders', memorySizeMB: 256, timeoutSeconds: 5 });
    const ctx = JSON.parse(r.response ?? '{}') as Record<string, unknown>;
    expect(ctx).toMatchObject({
      functionName: 'orders',
      functionVersion: '$LATEST',
      memoryLimitInMB: '256',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:orders',
      awsRequestId: r.requestId,
      logGroupName: '/aws/lambda/orders',
    });
    expect(ctx['logStreamName']).toMatch(/^\d{4}\/\d\d\/\d\d\/\[\$LATEST\][0-9a-f]{32}$/);
    expect(ctx['remaining']).toBeGreaterThan(4800);
    expect(ctx['remaining']).toBeLessThanOrEqual(5000);
    expect('identity' in ctx).toBe(false);
  });

  it('getRemainingTimeInMillis counts down in real time', async () => {
    const r = await runOnce({ 'index.mjs': `export const handler = async (e, c) => { const a = c.getRemainingTimeInMillis(); await new Promise(r => setTimeout(r, 100)); return a - c.getRemainingTimeInMillis(); };` });
    expect(Number(r.response)).toBeGreaterThanOrEqual(90);
  });

  it('sets the reserved variables and the function\'s own ones in process.env', async () => {
    const r = await runOnce({ 'index.mjs': `export const handler = async () => process.env;` }, {}, { functionName: 'orders', variables: { TABLE: 'orders-table' } });
    const env = JSON.parse(r.response ?? '{}') as Record<string, string>;
    expect(env).toMatchObject({
      TABLE: 'orders-table',
      AWS_REGION: 'us-east-1',
      AWS_LAMBDA_FUNCTION_NAME: 'orders',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '128',
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/orders',
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
      _HANDLER: 'index.handler',
      LAMBDA_TASK_ROOT: '/var/task',
      LAMBDA_RUNTIME_DIR: '/var/runtime',
      AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    });
    expect(env['AWS_ACCESS_KEY_ID']).toMatch(/^ASIA/);
    expect(env['HOME']).toBeUndefined();
  });

  it('process.env coerces values to strings, like Node', async () => {
    const r = await runOnce({ 'index.mjs': `export const handler = async () => { process.env.N = 5; return typeof process.env.N; };` });
    expect(r.response).toBe('"string"');
  });
});

describe('JSON log format', () => {
  it('writes application and platform lines as JSON and filters by the application log level', async () => {
    const r = await runOnce(
      { 'index.mjs': `export const handler = async () => { console.debug('hidden'); console.info('shown', { a: 1 }); console.error(new Error('bad')); return 1; };` },
      {},
      { logFormat: 'JSON', applicationLogLevel: 'INFO' },
    );
    const lines = r.logs.split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l['type'] ?? l['level'])).toEqual(['platform.initStart', 'platform.start', 'INFO', 'ERROR', 'platform.report']);
    expect(lines[2]).toMatchObject({ level: 'INFO', requestId: r.requestId, message: "shown { a: 1 }" });
    expect(lines[3]).toMatchObject({ level: 'ERROR', message: { errorType: 'Error', errorMessage: 'bad' } });
    expect(lines[4]).toMatchObject({ type: 'platform.report', record: { requestId: r.requestId, status: 'success', metrics: { memorySizeMB: 128 } } });
    expect(r.logs).not.toContain('hidden');
  });
});

// Functions as .zip files and AWS SAM projects: export, import, round trip, and refusals.
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { FunctionConfigChanges, FunctionFile } from '../../sandbox/api/index.ts';
import type { Lab } from '../../sandbox/lab.ts';
import { logicalIdFor, readFunctionArchive } from '../../sandbox/service/function-archive.ts';
import { startLab } from '../helpers/lab.ts';
import { removeTempDirs } from '../helpers/temp.ts';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab.close();
  removeTempDirs();
});

const zip = (files: Record<string, string | Uint8Array>): string => {
  const z: Zippable = {};
  for (const [k, v] of Object.entries(files)) z[k] = typeof v === 'string' ? strToU8(v) : v;
  return Buffer.from(zipSync(z)).toString('base64');
};
const unzipText = (base64: string): Record<string, string> =>
  Object.fromEntries(Object.entries(unzipSync(Buffer.from(base64, 'base64'))).map(([k, v]) => [k, Buffer.from(v).toString('utf8')]));

const FILES: FunctionFile[] = [
  { path: 'index.mjs', content: "import { greet } from './lib/greet.mjs';\nexport const handler = async (event) => greet(event.name);\n" },
  { path: 'lib/greet.mjs', content: 'export const greet = (n) => `Hello, ${n ?? "you"}! ✓`;\n' },
  { path: 'package.json', content: '{ "type": "module" }\n' },
];
const CONFIG: FunctionConfigChanges = {
  memorySizeMB: 1769,
  timeoutSeconds: 42,
  architecture: 'arm64',
  ephemeralStorageMB: 2048,
  environment: { TABLE: 'orders', FLAG: 'true', ON: 'yes', ZIP: '0123', COLON: 'a: b', EMPTY: '' },
  logFormat: 'JSON',
  applicationLogLevel: 'DEBUG',
  systemLogLevel: 'WARN',
};

describe('functions:export', () => {
  it('exports a .zip with the files at its root', async () => {
    await lab.api['functions:create']({ name: 'greeter', description: 'Says "hello" – politely', config: CONFIG, files: FILES });
    const out = await lab.api['functions:export']({ name: 'greeter', format: 'zip' });
    expect(out.fileName).toBe('greeter.zip');
    expect(unzipText(out.base64)).toEqual(Object.fromEntries(FILES.map((f) => [f.path, f.content])));
  });

  it('exports a SAM project: template.yaml field by field, code in src/<name>/', async () => {
    const out = await lab.api['functions:export']({ name: 'greeter', format: 'sam' });
    expect(out.fileName).toBe('greeter-sam.zip');
    const files = unzipText(out.base64);
    expect(Object.keys(files).sort()).toEqual(['src/greeter/index.mjs', 'src/greeter/lib/greet.mjs', 'src/greeter/package.json', 'template.yaml']);
    expect(files['src/greeter/lib/greet.mjs']).toBe(FILES[1]?.content);
    const t = parseYaml(files['template.yaml'] ?? '') as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(t['AWSTemplateFormatVersion']).toBe('2010-09-09');
    expect(t['Transform']).toBe('AWS::Serverless-2016-10-31');
    expect(Object.keys(t['Resources'])).toEqual(['GreeterFunction']);
    const r = t['Resources']['GreeterFunction'];
    expect(r.Type).toBe('AWS::Serverless::Function');
    expect(r.Metadata).toBeUndefined();
    const p = r.Properties;
    expect(p.FunctionName).toBe('greeter');
    expect(p.Description).toBe('Says "hello" – politely');
    expect(p.CodeUri).toBe('src/greeter/');
    expect(p.Handler).toBe('index.handler');
    expect(p.Runtime).toBe('nodejs24.x');
    expect(p.Architectures).toEqual(['arm64']);
    expect(p.MemorySize).toBe(1769);
    expect(p.Timeout).toBe(42);
    expect(p.EphemeralStorage).toEqual({ Size: 2048 });
    expect(p.Environment).toEqual({ Variables: { TABLE: 'orders', FLAG: 'true', ON: 'yes', ZIP: '0123', COLON: 'a: b', EMPTY: '' } });
    expect(files['template.yaml']).toContain(`AWSTemplateFormatVersion: "2010-09-09"`);
    expect(p.LoggingConfig).toEqual({ LogFormat: 'JSON', ApplicationLogLevel: 'DEBUG', SystemLogLevel: 'WARN' });
    expect(Object.keys(p).sort()).toEqual(['Architectures', 'CodeUri', 'Description', 'Environment', 'EphemeralStorage', 'FunctionName', 'Handler', 'LoggingConfig', 'MemorySize', 'Runtime', 'Timeout']);
  });

  it('leaves LoggingConfig and Environment out for Text logs and no variables, and adds esbuild Metadata for TypeScript', async () => {
    await lab.api['functions:create']({ name: 'ts_fn-2', config: {}, blueprint: 'typescript' });
    const t = parseYaml(unzipText((await lab.api['functions:export']({ name: 'ts_fn-2', format: 'sam' })).base64)['template.yaml'] ?? '') as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const r = t['Resources'][logicalIdFor('ts_fn-2')];
    expect(logicalIdFor('ts_fn-2')).toBe('TsFn2Function');
    expect(r.Properties.LoggingConfig).toBeUndefined();
    expect(r.Properties.Environment).toBeUndefined();
    expect(r.Metadata).toEqual({ BuildMethod: 'esbuild', BuildProperties: { EntryPoints: ['index.ts'], Target: 'es2022', Minify: false, Sourcemap: true } });
  });
});

describe('functions:import', () => {
  it('round-trips a SAM export: identical files, settings and description', async () => {
    const original = await lab.api['functions:get']({ name: 'greeter' });
    const { base64 } = await lab.api['functions:export']({ name: 'greeter', format: 'sam' });
    await expect(lab.api['functions:import']({ fileName: 'greeter-sam.zip', base64 })).rejects.toMatchObject({
      code: 'conflict', message: 'A function named greeter already exists: import greeter-sam.zip under another name',
    });
    const copy = await lab.api['functions:import']({ fileName: 'greeter-sam.zip', base64, name: 'greeter-2' });
    expect([copy.files, copy.config, copy.description, copy.warnings]).toEqual([original.files, original.config, original.description, []]);
    await lab.api['functions:delete']({ name: 'greeter' });
    const back = await lab.api['functions:import']({ fileName: 'greeter-sam.zip', base64 });
    expect([back.name, back.files, back.config]).toEqual(['greeter', original.files, original.config]);
    expect(JSON.parse((await lab.api['invoke:run']({ functionName: 'greeter', event: '{"name":"Ada"}' })).response ?? '')).toBe('Hello, Ada! ✓');
  });

  it('round-trips a plain zip: the files, the name from the file name, index.handler', async () => {
    const { base64 } = await lab.api['functions:export']({ name: 'greeter', format: 'zip' });
    const fn = await lab.api['functions:import']({ fileName: 'C:\\Downloads\\my greeter.zip', base64 });
    expect([fn.name, fn.files, fn.config.handler, fn.config.memorySizeMB]).toEqual(['my-greeter', FILES, 'index.handler', 128]);
  });

  it('picks a handler file when there is no index, with a warning', async () => {
    const fn = await lab.api['functions:import']({ fileName: 'app.zip', base64: zip({ 'app.js': 'exports.handler = async () => 1;', 'README.md': '# hi' }) });
    expect(fn.config.handler).toBe('app.handler');
    expect(fn.warnings).toEqual(['There is no index file at the zip root: the handler was set to app.handler. Change it in the settings if another file holds the handler.']);
  });

  it('reads backslash paths of Windows archivers as folders', async () => {
    const fn = await lab.api['functions:import']({ fileName: 'win.zip', base64: zip({ 'index.js': 'exports.handler = async () => 1;', 'lib\\util.js': '//' }) });
    expect(fn.files.map((f) => f.path)).toEqual(['index.js', 'lib/util.js']);
  });

  it('reads SAM templates with Globals, parameter defaults, intrinsics, other properties and a wrapping folder', async () => {
    const template = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Parameters:
  Mem:
    Type: Number
    Default: 512
Globals:
  Function:
    Runtime: nodejs22.x
    Timeout: 20
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Api:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: ./app
      Handler: src/main.handler
      MemorySize: !Ref Mem
      Environment:
        Variables:
          BUCKET: !Ref Bucket
          REGION: !Sub '\${AWS::Region}'
          COUNT: 3
          ENABLED: yes
      Events:
        Get:
          Type: Api
          Properties: { Path: /, Method: get }
      Policies: [AWSLambdaBasicExecutionRole]
  Second:
    Type: AWS::Lambda::Function
    Properties: { Handler: x.handler, Runtime: nodejs20.x, Code: ./other }
`;
    const fn = await lab.api['functions:import']({
      fileName: 'project.zip',
      base64: zip({ 'my-project/template.yml': template, 'my-project/app/src/main.mjs': 'export const handler = async () => "main";', 'my-project/other/x.js': '' }),
    });
    expect(fn.name).toBe('Api');
    expect(fn.files).toEqual([{ path: 'src/main.mjs', content: 'export const handler = async () => "main";' }]);
    expect(fn.config).toMatchObject({ runtime: 'nodejs22.x', timeoutSeconds: 20, memorySizeMB: 512, handler: 'src/main.handler', environment: { COUNT: '3', ENABLED: 'true' } });
    expect(fn.warnings).toEqual([
      'my-project/template.yml defines 2 functions (Api, Second); only the first, Api, was imported.',
      'The lab ignored these properties of Api: Events, Policies.',
      'Environment variable BUCKET refers to Bucket, which has no default value: the lab\'s default was used.',
      'Environment variable REGION uses Fn::Sub, which the lab cannot evaluate: the lab\'s default was used.',
    ]);
    expect((await lab.api['invoke:run']({ functionName: 'Api', event: '{}' })).response).toBe('"main"');
  });

  it('imports AWS::Lambda::Function with inline code as index.js', async () => {
    const template = JSON.stringify({ Resources: { Fn: { Type: 'AWS::Lambda::Function', Properties: { FunctionName: 'inline-fn', Handler: 'index.handler', Runtime: 'nodejs20.x', Code: { ZipFile: 'exports.handler = async () => 5;' } } } } });
    const fn = await lab.api['functions:import']({ fileName: 'cfn.zip', base64: zip({ 'template.json': template }) });
    expect([fn.name, fn.files, fn.config.runtime]).toEqual(['inline-fn', [{ path: 'index.js', content: 'exports.handler = async () => 5;' }], 'nodejs20.x']);
  });
});

describe('functions:import refuses', () => {
  const refuse = (fileName: string, base64: string) => lab.api['functions:import']({ fileName, base64, name: 'refused' });

  it('a zip-slip archive, naming the entry', async () => {
    await expect(refuse('evil.zip', zip({ 'index.mjs': 'export const handler = () => 1;', '../../etc/cron.d/evil': 'x' }))).rejects.toMatchObject({
      code: 'bad-request', message: expect.stringContaining('its entry "../../etc/cron.d/evil" points outside the archive\'s folder'),
    });
    await expect(refuse('abs.zip', zip({ '/etc/passwd': 'x' }))).rejects.toMatchObject({ code: 'bad-request', message: expect.stringContaining('"/etc/passwd"') });
    await expect(refuse('win.zip', zip({ 'a\\..\\..\\b.js': 'x' }))).rejects.toMatchObject({ code: 'bad-request' });
  });

  it('a file that is not a zip, or not base64', async () => {
    await expect(refuse('notes.zip', Buffer.from('just some text').toString('base64'))).rejects.toMatchObject({ code: 'bad-request', message: 'notes.zip is not a zip archive' });
    await expect(refuse('x.zip', 'not base64 at all!')).rejects.toMatchObject({ code: 'bad-request', message: 'The content of x.zip is not valid base64' });
  });

  it('binary files, naming the file', async () => {
    await expect(refuse('bin.zip', zip({ 'index.mjs': 'export const handler = () => 1;', 'assets/logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]) }))).rejects.toMatchObject({
      code: 'bad-request', message: 'assets/logo.png in bin.zip is a binary file: the lab stores text files only (JavaScript, TypeScript, JSON, ...)', details: { file: 'assets/logo.png' },
    });
    await expect(refuse('latin1.zip', zip({ 'index.js': new Uint8Array([0x63, 0xe9, 0x74, 0xe9]) }))).rejects.toMatchObject({ message: expect.stringContaining('index.js in latin1.zip is a binary file') });
  });

  it('archives without a handler file, explaining a wrapping folder', async () => {
    await expect(refuse('wrapped.zip', zip({ 'my-fn/index.mjs': 'x', 'my-fn/lib/a.js': 'y' }))).rejects.toMatchObject({
      message: "No handler file at the root of wrapped.zip: its files are inside the folder my-fn/. Lambda expects the handler file at the zip root: zip the folder's contents, not the folder.",
    });
    await expect(refuse('docs.zip', zip({ 'README.md': '# x' }))).rejects.toMatchObject({ message: expect.stringMatching(/^No handler file in docs.zip/) });
    const template = 'Resources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties: { CodeUri: src/, Handler: app.handler, Runtime: nodejs24.x }\n';
    await expect(refuse('sam.zip', zip({ 'template.yaml': template, 'src/index.mjs': 'x' }))).rejects.toMatchObject({
      message: 'No handler file: the handler app.handler needs app.js, .mjs, .cjs or .ts in the code folder of F, which holds index.mjs',
    });
    await expect(refuse('sam.zip', zip({ 'template.yaml': template }))).rejects.toMatchObject({ message: expect.stringContaining('The code folder src/ that template.yaml names') });
  });

  it('templates the lab cannot run, with the reason', async () => {
    const t = (props: string) => zip({ 'template.yaml': `Resources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties: ${props}\n`, 'index.mjs': 'x' });
    await expect(refuse('py.zip', t('{ Runtime: python3.12, Handler: app.handler }'))).rejects.toMatchObject({ message: expect.stringContaining('uses the runtime python3.12; the lab runs Node.js functions only') });
    await expect(refuse('s3.zip', t('{ CodeUri: s3://bucket/code.zip, Handler: index.handler }'))).rejects.toMatchObject({ message: expect.stringContaining('in Amazon S3') });
    await expect(refuse('mem.zip', t('{ MemorySize: 64, Handler: index.handler }'))).rejects.toMatchObject({ message: 'template.yaml: MemorySize: Memory must be at least 128 MB' });
    await expect(refuse('none.zip', zip({ 'template.yaml': 'Resources: {}\n' }))).rejects.toMatchObject({ message: 'template.yaml defines no AWS::Serverless::Function or AWS::Lambda::Function resource' });
    await expect(refuse('bad.zip', zip({ 'template.yaml': 'Resources: [\n' }))).rejects.toMatchObject({ message: expect.stringMatching(/^template.yaml in bad.zip is not valid YAML/) });
  });

  it('archives over Lambda\'s limits: 50 MB zipped, 250 MB unzipped', () => {
    const big = new Uint8Array(52_428_801);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    expect(() => readFunctionArchive('big.zip', big)).toThrow(/big.zip is 50.0 MB: Lambda accepts a zip of at most 50 MB/);
    // A zip whose central directory claims 300 MB once unzipped (a "zip bomb" is refused before inflating).
    const bytes = zipSync({ 'index.mjs': strToU8('export const handler = () => 1;') });
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < bytes.length - 4; i++) {
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 300_000_000, true);
    }
    expect(() => readFunctionArchive('bomb.zip', bytes)).toThrow(/bomb.zip unzips to more than 250 MB/);
  });
});

// The architecture's layer rules are enforced by ESLint: a violation is an error.
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cwd = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd });

async function errors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.severity === 2 && m.ruleId?.includes('restricted-imports')).map((m) => m.message);
}

describe('layer rules', () => {
  it.each([
    ['renderer/app/x.ts', "import { readFileSync } from 'node:fs';"],
    ['renderer/app/x.ts', "import { createLab } from '../../sandbox/lab.ts';"],
    ['renderer/app/x.ts', "import { ExecutionEnvironment } from '../../sandbox/runtime/environment.ts';"],
    ['sandbox/service/x.ts', "import React from 'react';"],
    ['sandbox/host/x.ts', "import { app } from 'electron';"],
    ['sandbox/runtime/x.ts', "import Database from 'better-sqlite3';"],
    ['sandbox/runtime/x.ts', "import { openStore } from '../store/index.ts';"],
    ['sandbox/store/x.ts', "import ivm from 'isolated-vm';"],
    ['sandbox/api/x.ts', "import { readFileSync } from 'node:fs';"],
    ['sandbox/runtime/isolate/x.ts', "import { readFileSync } from 'node:fs';"],
    ['sandbox/service/x.ts', "import { RunnerClient } from '../runtime/runner-client.ts';"],
    ['electron/x.ts', "import { createLab } from '../sandbox/lab.ts';"],
    ['lessons/intro/check.js', "import { createLab } from '../../sandbox/lab.ts';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await errors(file, code)).not.toEqual([]);
  });

  it.each([
    ['renderer/app/x.ts', "import { contract } from '../../sandbox/api/index.ts';"],
    ['sandbox/service/x.ts', "import type { EnvironmentSpec } from '../runtime/environment.ts';"],
    ['sandbox/lab.ts', "import { RunnerClient } from './runtime/runner-client.ts';"],
    ['sandbox/runtime/isolate/x.ts', "import EventEmitter from 'events';"],
  ])('%s may: %s', async (file, code) => {
    expect(await errors(file, code)).toEqual([]);
  });
});

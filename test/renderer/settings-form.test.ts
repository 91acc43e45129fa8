// The settings form: checked with the contract's schemas, only changes sent, and the engine's
// validation details put back on the fields.
import { describe, expect, it } from 'vitest';
import type { FunctionDetail } from '../../sandbox/api/index.ts';
import { checkSettings, fieldErrorsFromDetails, formFromDetail } from '../../renderer/features/settings/settingsForm.ts';

const FN: FunctionDetail = {
  name: 'f',
  description: '',
  config: {
    runtime: 'nodejs24.x', handler: 'index.handler', memorySizeMB: 128, timeoutSeconds: 3, environment: {}, architecture: 'x86_64',
    ephemeralStorageMB: 512, logFormat: 'Text', applicationLogLevel: 'INFO', systemLogLevel: 'INFO',
  },
  files: [{ path: 'index.mjs', content: '' }],
  createdAt: '', updatedAt: '', revision: 1,
};

describe('settings form', () => {
  it('sends only what changed', () => {
    const form = { ...formFromDetail(FN), memorySizeMB: '256', environment: [{ id: 1, key: 'STAGE', value: 'dev' }] };
    expect(checkSettings(form, FN)).toEqual({ errors: {}, changes: { memorySizeMB: 256, environment: { STAGE: 'dev' } }, description: undefined });
  });

  it('uses Lambda’s ranges and messages', () => {
    const form = { ...formFromDetail(FN), memorySizeMB: '64', timeoutSeconds: '', ephemeralStorageMB: '20000', handler: 'index' };
    expect(checkSettings(form, FN).errors).toEqual({
      memorySizeMB: 'Memory must be at least 128 MB',
      timeoutSeconds: 'Enter a number',
      ephemeralStorageMB: 'Ephemeral storage must be at most 10240 MB',
      handler: 'Write it as file.export, for example index.handler',
    });
  });

  it('refuses reserved, malformed and repeated environment variable keys', () => {
    const env = (keys: string[]) => checkSettings({ ...formFromDetail(FN), environment: keys.map((key, i) => ({ id: i, key, value: 'x' })) }, FN).errors.environment;
    expect(env(['AWS_REGION'])).toBe('Lambda sets AWS_REGION itself: a function may not set it');
    expect(env(['1ABC'])).toMatch(/must start with a letter/);
    expect(env(['AB', 'AB'])).toBe('Key AB appears twice');
    expect(env(['AB'])).toBeUndefined();
  });

  it('maps the engine’s details onto fields', () => {
    expect(fieldErrorsFromDetails([{ path: 'config.memorySizeMB', message: 'Memory must be at most 10240 MB' }], 'x')).toEqual({ memorySizeMB: 'Memory must be at most 10240 MB' });
    expect(fieldErrorsFromDetails({ reserved: ['AWS_REGION'] }, 'Lambda was unable to configure your environment variables')).toEqual({ environment: 'Lambda was unable to configure your environment variables' });
    expect(fieldErrorsFromDetails(undefined, 'Something else')).toBeUndefined();
  });
});

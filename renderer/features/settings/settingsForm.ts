// The settings form as text fields, checked with the contract's own schemas (the same ranges and
// messages the engine uses), turned into the changes `functions:update-config` takes, and the
// engine's validation details mapped back onto the fields. Pure.
import {
  ENV_VARS_BYTES, FunctionConfigChanges, FunctionDescription, RESERVED_ENV_KEYS,
  type Architecture, type FunctionConfig, type FunctionDetail, type LogFormat, type LogLevel, type RuntimeId,
} from '../../../sandbox/api/index.ts';

export interface EnvRow {
  id: number;
  key: string;
  value: string;
}

export interface SettingsForm {
  description: string;
  runtime: RuntimeId;
  handler: string;
  memorySizeMB: string;
  timeoutSeconds: string;
  ephemeralStorageMB: string;
  architecture: Architecture;
  environment: EnvRow[];
  logFormat: LogFormat;
  applicationLogLevel: LogLevel;
  systemLogLevel: FunctionConfig['systemLogLevel'];
}

export type SettingsField = keyof SettingsForm;
export type FieldErrors = Partial<Record<SettingsField, string>>;

export function formFromDetail(fn: FunctionDetail): SettingsForm {
  const c = fn.config;
  return {
    description: fn.description,
    runtime: c.runtime,
    handler: c.handler,
    memorySizeMB: String(c.memorySizeMB),
    timeoutSeconds: String(c.timeoutSeconds),
    ephemeralStorageMB: String(c.ephemeralStorageMB),
    architecture: c.architecture,
    environment: Object.entries(c.environment).map(([key, value], i) => ({ id: i + 1, key, value })),
    logFormat: c.logFormat,
    applicationLogLevel: c.applicationLogLevel,
    systemLogLevel: c.systemLogLevel,
  };
}

const ENV_KEY = /^[a-zA-Z]([a-zA-Z0-9_])+$/;
const shape = FunctionConfigChanges.shape;

function wholeNumber(text: string, field: 'memorySizeMB' | 'timeoutSeconds' | 'ephemeralStorageMB'): { value?: number; error?: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { error: 'Enter a number' };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { error: 'Enter a number' };
  const parsed = shape[field].safeParse(value);
  return parsed.success ? { value } : { error: parsed.error.issues[0]?.message ?? 'Out of range' };
}

function environmentProblem(rows: readonly EnvRow[]): string | undefined {
  const filled = rows.filter((r) => r.key !== '' || r.value !== '');
  const empty = filled.find((r) => r.key.trim() === '');
  if (empty !== undefined) return 'Every variable needs a key';
  const bad = filled.find((r) => !ENV_KEY.test(r.key));
  if (bad !== undefined) return `Key ${bad.key} must start with a letter and contain only letters, digits and underscores (at least 2 characters)`;
  const keys = filled.map((r) => r.key);
  const duplicate = keys.find((k, i) => keys.indexOf(k) !== i);
  if (duplicate !== undefined) return `Key ${duplicate} appears twice`;
  const reserved = keys.filter((k) => RESERVED_ENV_KEYS.has(k));
  if (reserved.length > 0) return `Lambda sets ${reserved.join(', ')} itself: a function may not set ${reserved.length === 1 ? 'it' : 'them'}`;
  const size = new TextEncoder().encode(JSON.stringify(environmentOf(rows))).length;
  if (size > ENV_VARS_BYTES) return `All variables together take ${size} bytes; Lambda allows 4 KB (${ENV_VARS_BYTES} bytes)`;
  return undefined;
}

export function environmentOf(rows: readonly EnvRow[]): Record<string, string> {
  return Object.fromEntries(rows.filter((r) => r.key !== '' || r.value !== '').map((r) => [r.key, r.value]));
}

export interface CheckedSettings {
  errors: FieldErrors;
  /** Settings that differ from the current configuration (empty when only the description changed). */
  changes: FunctionConfigChanges;
  /** The new description, when it changed. */
  description: string | undefined;
}

export function checkSettings(form: SettingsForm, fn: FunctionDetail): CheckedSettings {
  const errors: FieldErrors = {};
  const c = fn.config;
  const candidate: FunctionConfigChanges = {
    runtime: form.runtime,
    architecture: form.architecture,
    logFormat: form.logFormat,
    applicationLogLevel: form.applicationLogLevel,
    systemLogLevel: form.systemLogLevel,
  };

  const handler = shape.handler.safeParse(form.handler);
  if (handler.success) candidate.handler = form.handler;
  else errors.handler = handler.error.issues[0]?.message ?? 'Not a valid handler';
  if (handler.success && !/\.[^./]+$/.test(form.handler)) errors.handler = 'Write it as file.export, for example index.handler';

  for (const field of ['memorySizeMB', 'timeoutSeconds', 'ephemeralStorageMB'] as const) {
    const checked = wholeNumber(form[field], field);
    if (checked.error !== undefined) errors[field] = checked.error;
    else if (checked.value !== undefined) candidate[field] = checked.value;
  }

  const envProblem = environmentProblem(form.environment);
  if (envProblem !== undefined) errors.environment = envProblem;
  else candidate.environment = environmentOf(form.environment);

  const description = FunctionDescription.safeParse(form.description);
  if (!description.success) errors.description = description.error.issues[0]?.message ?? 'Too long';

  const changes: FunctionConfigChanges = {};
  for (const [key, value] of Object.entries(candidate) as [keyof FunctionConfigChanges, FunctionConfigChanges[keyof FunctionConfigChanges]][]) {
    if (JSON.stringify(value) !== JSON.stringify(c[key])) Object.assign(changes, { [key]: value });
  }
  return { errors, changes, description: form.description !== fn.description ? form.description : undefined };
}

const FIELDS: readonly SettingsField[] = [
  'description', 'runtime', 'handler', 'memorySizeMB', 'timeoutSeconds', 'ephemeralStorageMB', 'architecture', 'environment', 'logFormat',
  'applicationLogLevel', 'systemLogLevel',
];

/**
 * The engine's `bad-request` details on the fields: `[{ path: 'config.memorySizeMB', message }]`
 * from schema checks, `{ key }` / `{ reserved }` from the environment variable rules.
 */
export function fieldErrorsFromDetails(details: unknown, message: string): FieldErrors | undefined {
  if (Array.isArray(details)) {
    const errors: FieldErrors = {};
    for (const d of details) {
      if (typeof d !== 'object' || d === null) continue;
      const { path, message: m } = d as { path?: unknown; message?: unknown };
      if (typeof path !== 'string' || typeof m !== 'string') continue;
      const field = path.replace(/^config\./, '').split('.')[0] as SettingsField;
      if (FIELDS.includes(field)) errors[field] ??= m;
    }
    return Object.keys(errors).length > 0 ? errors : undefined;
  }
  if (typeof details === 'object' && details !== null && ('key' in details || 'reserved' in details)) return { environment: message };
  if (/environment variables/i.test(message)) return { environment: message };
  return undefined;
}

import { z } from 'zod';
import {
  ARCHITECTURES, DEFAULT_RUNTIME, EPHEMERAL_STORAGE_MB, LOG_FORMATS, LOG_LEVELS, MAX_FILE_CHARS, MEMORY_MB,
  RUNTIMES, TIMEOUT_S,
} from './limits.ts';

/** Lambda's rule for function names (1–64 letters, digits, hyphens, underscores). */
export const FunctionName = z
  .string()
  .min(1, 'Function name must not be empty')
  .max(64, 'Function name must be at most 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'Function name may contain only letters, digits, hyphens (-) and underscores (_)');
export type FunctionName = z.infer<typeof FunctionName>;

/** A path inside the function's code folder (/var/task), always relative and normalised. */
export const FilePath = z
  .string()
  .min(1)
  .max(256)
  .refine(
    (p) => !p.startsWith('/') && !p.includes('\\') && p.split('/').every((s) => s !== '' && s !== '.' && s !== '..'),
    { message: 'File path must be relative, use "/" separators and contain no empty, "." or ".." segments' },
  );

export const FunctionFile = z.object({
  path: FilePath,
  content: z.string().max(MAX_FILE_CHARS, 'A file may hold at most 3 MB (the console editor limit)'),
});
export type FunctionFile = z.infer<typeof FunctionFile>;

export const Runtime = z.enum(RUNTIMES);
export const LogFormatSchema = z.enum(LOG_FORMATS);
export const LogLevelSchema = z.enum(LOG_LEVELS);

/** Each setting with Lambda's range and message (no defaults: see FunctionConfig). */
const configFields = {
  runtime: Runtime,
  handler: z
    .string()
    .min(1, 'Handler must not be empty')
    .max(128, 'Handler must be at most 128 characters')
    .regex(/^[^\s]+$/, 'Handler must not contain spaces'),
  memorySizeMB: z
    .number()
    .int('Memory must be a whole number of MB')
    .min(MEMORY_MB.min, `Memory must be at least ${MEMORY_MB.min} MB`)
    .max(MEMORY_MB.max, `Memory must be at most ${MEMORY_MB.max} MB`),
  timeoutSeconds: z
    .number()
    .int('Timeout must be a whole number of seconds')
    .min(TIMEOUT_S.min, `Timeout must be at least ${TIMEOUT_S.min} second`)
    .max(TIMEOUT_S.max, `Timeout must be at most ${TIMEOUT_S.max} seconds (15 minutes)`),
  environment: z.record(z.string(), z.string()),
  architecture: z.enum(ARCHITECTURES),
  ephemeralStorageMB: z
    .number()
    .int('Ephemeral storage must be a whole number of MB')
    .min(EPHEMERAL_STORAGE_MB.min, `Ephemeral storage must be at least ${EPHEMERAL_STORAGE_MB.min} MB`)
    .max(EPHEMERAL_STORAGE_MB.max, `Ephemeral storage must be at most ${EPHEMERAL_STORAGE_MB.max} MB`),
  logFormat: LogFormatSchema,
  applicationLogLevel: LogLevelSchema,
  systemLogLevel: z.enum(['DEBUG', 'INFO', 'WARN']),
};

/** A complete configuration; missing settings take Lambda's defaults. */
export const FunctionConfig = z.object({
  runtime: configFields.runtime.default(DEFAULT_RUNTIME),
  handler: configFields.handler.default('index.handler'),
  memorySizeMB: configFields.memorySizeMB.default(MEMORY_MB.default),
  timeoutSeconds: configFields.timeoutSeconds.default(TIMEOUT_S.default),
  environment: configFields.environment.default({}),
  architecture: configFields.architecture.default('x86_64'),
  ephemeralStorageMB: configFields.ephemeralStorageMB.default(EPHEMERAL_STORAGE_MB.default),
  logFormat: configFields.logFormat.default('Text'),
  applicationLogLevel: configFields.applicationLogLevel.default('INFO'),
  systemLogLevel: configFields.systemLogLevel.default('INFO'),
});
/** Some settings to change; absent ones keep their current values (no defaults applied). */
export const FunctionConfigChanges = z.object(configFields).partial();
export type FunctionConfigChanges = z.infer<typeof FunctionConfigChanges>;
export type FunctionConfig = z.infer<typeof FunctionConfig>;
export type FunctionConfigInput = z.input<typeof FunctionConfig>;

export const FunctionSummary = z.object({
  name: FunctionName,
  runtime: Runtime,
  handler: z.string(),
  memorySizeMB: z.number(),
  timeoutSeconds: z.number(),
  updatedAt: z.string(),
  description: z.string(),
});
export type FunctionSummary = z.infer<typeof FunctionSummary>;

export const FunctionDetail = z.object({
  name: FunctionName,
  description: z.string(),
  config: FunctionConfig,
  files: z.array(FunctionFile),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Changes whenever code or configuration changes; a new revision means a new (cold) environment. */
  revision: z.number().int(),
});
export type FunctionDetail = z.infer<typeof FunctionDetail>;

/** A function description: Lambda allows up to 256 characters. */
export const FunctionDescription = z.string().max(256, 'Description must be at most 256 characters');

/** What `functions:delete` answers: the function can be restored until `restorableUntil`. */
export const DeletedFunction = z.object({
  name: FunctionName,
  deletedAt: z.string(),
  /** ISO time; after it, `functions:restore` answers not-found and the function is purged (its history stays). */
  restorableUntil: z.string(),
});
export type DeletedFunction = z.infer<typeof DeletedFunction>;

/** `zip`: the function's files at the zip root (a Lambda deployment package). `sam`: an AWS SAM project. */
export const FunctionArchiveFormat = z.enum(['zip', 'sam']);
export type FunctionArchiveFormat = z.infer<typeof FunctionArchiveFormat>;

export const FunctionArchive = z.object({
  /** Suggested file name, e.g. `hello.zip` or `hello-sam.zip`. */
  fileName: z.string(),
  /** The zip archive, base64-encoded. */
  base64: z.string(),
});
export type FunctionArchive = z.infer<typeof FunctionArchive>;

/** The imported function, plus what the import could not carry over (e.g. template settings the lab ignores). */
export const ImportedFunction = FunctionDetail.extend({
  warnings: z.array(z.string()),
});
export type ImportedFunction = z.infer<typeof ImportedFunction>;

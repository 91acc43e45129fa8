// Lambda's documented limits (../shared/reference/lambda-facts.md §4). One place, so the
// contract, the runtime and the UI agree on every range and message.
export const MEMORY_MB = { min: 128, max: 10_240, default: 128 } as const;
export const TIMEOUT_S = { min: 1, max: 900, default: 3 } as const;
export const EPHEMERAL_STORAGE_MB = { min: 512, max: 10_240, default: 512 } as const;
/** Synchronous invoke request and response limit: 6 MB. */
export const SYNC_PAYLOAD_BYTES = 6_291_456;
/** Asynchronous (Event) invoke payload limit: 1 MB since Oct 2025. */
export const ASYNC_PAYLOAD_BYTES = 1_048_576;
/** All environment variables of a function together: 4 KB. */
export const ENV_VARS_BYTES = 4_096;
/** INIT phase limit for on-demand functions. */
export const INIT_TIMEOUT_MS = 10_000;

export const RUNTIMES = ['nodejs20.x', 'nodejs22.x', 'nodejs24.x'] as const;
export type RuntimeId = (typeof RUNTIMES)[number];
export const DEFAULT_RUNTIME: RuntimeId = 'nodejs24.x';

export const LOG_FORMATS = ['Text', 'JSON'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];
export const LOG_LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const ARCHITECTURES = ['x86_64', 'arm64'] as const;
export type Architecture = (typeof ARCHITECTURES)[number];

/** Environment variables Lambda sets itself; a function may not set them (InvalidParameterValueException). */
export const RESERVED_ENV_KEYS: ReadonlySet<string> = new Set([
  '_HANDLER', '_X_AMZN_TRACE_ID', 'AWS_DEFAULT_REGION', 'AWS_REGION', 'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME', 'AWS_LAMBDA_FUNCTION_MEMORY_SIZE', 'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_INITIALIZATION_TYPE', 'AWS_LAMBDA_LOG_GROUP_NAME', 'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_ACCESS_KEY', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API', 'LAMBDA_TASK_ROOT', 'LAMBDA_RUNTIME_DIR',
]);

/** Deployment package limits: 50 MB for a zip uploaded directly, 250 MB unzipped. */
export const ZIP_UPLOAD_BYTES = 52_428_800;
export const UNZIPPED_CODE_BYTES = 262_144_000;
/** What the lab's editor holds per function: files, and characters per file (the console editor's 3 MB). */
export const MAX_FUNCTION_FILES = 200;
export const MAX_FILE_CHARS = 3 * 1024 * 1024;
/** A deleted function can be restored (undo) for this long; then it is purged. Its history stays. */
export const RESTORE_WINDOW_MS = 30_000;
/** Lambda console test event names: 1–25 letters, digits, dots, hyphens, underscores. */
export const TEST_EVENT_NAME_MAX = 25;

// The environment variables Lambda sets in every execution environment
// (../shared/reference/lambda-facts.md §11). Credentials are the lab's own fake, short-lived
// looking keys: the student's real AWS credentials are never passed to a function.

export interface LambdaEnvInput {
  functionName: string;
  handler: string;
  runtime: string;
  memorySizeMB: number;
  region: string;
  logStreamName: string;
  logFormat: 'Text' | 'JSON';
  applicationLogLevel: string;
  /** The function's own variables (already validated against the reserved list). */
  variables: Record<string, string>;
}

export function lambdaEnvironment(input: LambdaEnvInput): Record<string, string> {
  const env: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [k, v] of Object.entries(input.variables)) env[k] = v;
  Object.assign(env, {
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_SESSION_TOKEN: 'IQoJb3JpZ2luX2VjEL7//////////wEaCWxhbWJkYS1sYWIiRzBFAiEAlambdalab/fake/session/token',
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${input.functionName}`,
    LAMBDA_TASK_ROOT: '/var/task',
    LD_LIBRARY_PATH: '/var/lang/lib:/lib64:/usr/lib64:/var/runtime:/var/runtime/lib:/var/task:/var/task/lib:/opt/lib',
    AWS_LAMBDA_RUNTIME_API: '127.0.0.1:9001',
    AWS_LAMBDA_LOG_STREAM_NAME: input.logStreamName,
    AWS_EXECUTION_ENV: `AWS_Lambda_${input.runtime}`,
    AWS_XRAY_DAEMON_ADDRESS: '169.254.79.129:2000',
    AWS_LAMBDA_FUNCTION_NAME: input.functionName,
    PATH: '/var/lang/bin:/usr/local/bin:/usr/bin/:/bin:/opt/bin',
    AWS_DEFAULT_REGION: input.region,
    PWD: '/var/task',
    AWS_SECRET_ACCESS_KEY: 'lambdaLabFakeSecretAccessKeyNotARealKey000',
    LANG: 'en_US.UTF-8',
    LAMBDA_RUNTIME_DIR: '/var/runtime',
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    TZ: ':UTC',
    AWS_REGION: input.region,
    NODE_PATH: '/opt/nodejs/node20/node_modules:/opt/nodejs/node_modules:/var/runtime/node_modules:/var/runtime:/var/task',
    AWS_ACCESS_KEY_ID: 'ASIALAMBDALABFAKEKEY',
    SHLVL: '0',
    _AWS_XRAY_DAEMON_ADDRESS: '169.254.79.129',
    _AWS_XRAY_DAEMON_PORT: '2000',
    AWS_XRAY_CONTEXT_MISSING: 'LOG_ERROR',
    _HANDLER: input.handler,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(input.memorySizeMB),
    NODE_EXTRA_CA_CERTS: '/var/runtime/ca-cert.pem',
  });
  if (input.logFormat === 'JSON') {
    env['AWS_LAMBDA_LOG_FORMAT'] = 'JSON';
    env['AWS_LAMBDA_LOG_LEVEL'] = input.applicationLogLevel;
  }
  return { ...env };
}

/** Log stream of one execution environment: `YYYY/MM/DD/[$LATEST]<32 hex>`. */
export function logStreamName(at: Date, hex32: string): string {
  const y = at.getUTCFullYear();
  const m = String(at.getUTCMonth() + 1).padStart(2, '0');
  const d = String(at.getUTCDate()).padStart(2, '0');
  return `${y}/${m}/${d}/[$LATEST]${hex32}`;
}

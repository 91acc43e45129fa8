// Lambda's rules for a function's own environment variables, with Lambda's messages.
import { ENV_VARS_BYTES, LabError, RESERVED_ENV_KEYS } from '../api/index.ts';

const KEY_PATTERN = /^[a-zA-Z]([a-zA-Z0-9_])+$/;

export function validateEnvironmentVariables(vars: Record<string, string>): void {
  const keys = Object.keys(vars);
  const badKey = keys.find((k) => !KEY_PATTERN.test(k));
  if (badKey !== undefined) {
    throw new LabError(
      'bad-request',
      "1 validation error detected: Value at 'environment.variables' failed to satisfy constraint: Map keys must satisfy constraint: [Member must satisfy regular expression pattern: [a-zA-Z]([a-zA-Z0-9_])+]",
      { key: badKey },
    );
  }
  const reserved = keys.filter((k) => RESERVED_ENV_KEYS.has(k));
  if (reserved.length > 0) {
    throw new LabError(
      'bad-request',
      `Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: ${reserved.join(', ')}`,
      { reserved },
    );
  }
  const measured = JSON.stringify(vars);
  if (Buffer.byteLength(measured, 'utf8') > ENV_VARS_BYTES) {
    throw new LabError(
      'bad-request',
      `Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. String measured: ${measured.length > 200 ? `${measured.slice(0, 200)}...` : measured}`,
    );
  }
}

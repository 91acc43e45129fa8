// Everything the shell prints goes through here, and the engine token never does: each token
// is registered the moment the supervisor reads it, and every line is scrubbed before it is
// written (also token-shaped query strings and headers, in case one slips through unregistered).

export const REDACTED = '<redacted>';

/** Known secrets are replaced wherever they appear; `token=` values and token headers always. */
export function scrubSecrets(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 8) out = out.split(secret).join(REDACTED);
  }
  return out
    .replace(/([?&;\s"']token=)[^\s&"'#]+/gi, `$1${REDACTED}`)
    .replace(/(^token=)[^\s&"'#]+/gi, `$1${REDACTED}`)
    .replace(/(x-lab-token["']?\s*[:=]\s*["']?)[^\s"',}]+/gi, `$1${REDACTED}`);
}

export interface ShellLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** From now on, this value is replaced by `<redacted>` in everything logged. */
  addSecret(secret: string): void;
  /** The same scrubbing, for text shown elsewhere (dialogs). */
  scrub(text: string): string;
}

export type LogSink = (level: 'info' | 'warn' | 'error', line: string) => void;

const defaultSink: LogSink = (level, line) => {
  (level === 'info' ? process.stdout : process.stderr).write(`${line}\n`);
};

/** Keeps the last secrets seen (each engine start has a new token; old ones stay scrubbed). */
const MAX_SECRETS = 64;

export function createShellLog(sink: LogSink = defaultSink, prefix = '[lambda-lab]'): ShellLog {
  const secrets: string[] = [];
  const scrub = (text: string): string => scrubSecrets(text, secrets);
  const write = (level: 'info' | 'warn' | 'error', message: string): void => {
    for (const line of scrub(message).split(/\r?\n/)) sink(level, `${prefix} ${line}`);
  };
  return {
    info: (m) => write('info', m),
    warn: (m) => write('warn', m),
    error: (m) => write('error', m),
    addSecret(secret) {
      if (secret.length < 8 || secrets.includes(secret)) return;
      secrets.push(secret);
      if (secrets.length > MAX_SECRETS) secrets.shift();
    },
    scrub,
  };
}

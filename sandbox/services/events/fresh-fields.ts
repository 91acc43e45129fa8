// Fresh ids and timestamps for SAM event templates. The templates hold fixed values (S3
// `eventTime` 1970-01-01, one SQS `messageId`, ...); an event a learner fires should look like one
// sent now. Per event type, the obvious id and time fields are listed here with their format;
// values come from the injected Clock and id generator. Fields that hold a placeholder are never
// touched (the learner's parameter wins).
import type { Clock, IdGenerator } from '../../service/clock.ts';

type Kind =
  | 'uuid' // 8-4-4-4-12 lower-case hex
  | 'uuid-upper'
  | 'hex32' // 32 lower-case hex digits
  | 's3-request-id' // 16 upper-case hex digits
  | 's3-id-2' // base64 text
  | 's3-sequencer' // 18 upper-case hex digits, growing with time
  | 'base64-id' // URL-safe base64 text
  | 'http-api-request-id' // API Gateway HTTP API style, e.g. JKJaXmPLvHcESHA=
  | 'ses-message-id' // 40 lower-case letters and digits
  | 'trace-id' // X-Ray: Root=1-<8 hex seconds>-<24 hex>
  | 'iso-ms' // 2026-05-01T12:00:00.123Z
  | 'iso-s' // 2026-05-01T12:00:00Z
  | 'iso-ms-offset' // 2026-05-01T12:00:00.123+0000
  | 'epoch-ms' // number
  | 'epoch-ms-string' // "1714564800123"
  | 'epoch-s' // number, whole seconds
  | 'epoch-s-fraction' // number, seconds with milliseconds
  | 'clf' // 01/May/2026:12:00:00 +0000 (API Gateway requestTime)
  | 'amz-date' // 20260501T120000Z
  | 'rfc2822'; // Fri, 1 May 2026 12:00:00 +0000

/** A path into the event: property names, `*` for every element of an array. */
type Path = readonly (string | number)[];
type FreshField = readonly [Path, Kind];

const S3_RECORD: readonly FreshField[] = [
  [['Records', '*', 'eventTime'], 'iso-ms'],
  [['Records', '*', 'responseElements', 'x-amz-request-id'], 's3-request-id'],
  [['Records', '*', 'responseElements', 'x-amz-id-2'], 's3-id-2'],
  [['Records', '*', 's3', 'object', 'sequencer'], 's3-sequencer'],
];
const FIREHOSE: readonly FreshField[] = [
  [['invocationId'], 'uuid'],
  [['records', '*', 'approximateArrivalTimestamp'], 'epoch-ms'],
];
const ANALYTICS: readonly FreshField[] = [[['invocationId'], 'uuid']];
const ALEXA_SKILL: readonly FreshField[] = [[['request', 'timestamp'], 'iso-s']];
const ALEXA_HOME: readonly FreshField[] = [[['header', 'messageId'], 'uuid-upper']];
const LEX_V2: readonly FreshField[] = [[['sessionState', 'originatingRequestId'], 'uuid']];

/** By `service/type`. Event types not listed (CloudFront, Lex v1, Config, ...) carry no obvious id or time. */
export const FRESH_FIELDS: Readonly<Record<string, readonly FreshField[]>> = {
  'alexa-skills-kit/end-session': ALEXA_SKILL,
  'alexa-skills-kit/intent-answer': ALEXA_SKILL,
  'alexa-skills-kit/intent-getnewfact': ALEXA_SKILL,
  'alexa-skills-kit/intent-mycoloris': ALEXA_SKILL,
  'alexa-skills-kit/intent-recipe': ALEXA_SKILL,
  'alexa-skills-kit/start-session': ALEXA_SKILL,
  'alexa-smart-home/smart-home-control-turn-off-request': ALEXA_HOME,
  'alexa-smart-home/smart-home-control-turn-on-request': ALEXA_HOME,
  'alexa-smart-home/smart-home-discovery-request': ALEXA_HOME,
  'alb/request': [[['headers', 'x-amzn-trace-id'], 'trace-id']],
  'apigateway/aws-proxy': [
    [['requestContext', 'requestId'], 'uuid'],
    [['requestContext', 'requestTime'], 'clf'],
    [['requestContext', 'requestTimeEpoch'], 'epoch-ms'],
  ],
  'apigateway/http-api-proxy': [
    [['requestContext', 'requestId'], 'http-api-request-id'],
    [['requestContext', 'time'], 'clf'],
    [['requestContext', 'timeEpoch'], 'epoch-ms'],
  ],
  'apigateway/request-authorizer': [
    [['headers', 'X-AMZ-Date'], 'amz-date'],
    [['requestContext', 'requestId'], 'uuid'],
  ],
  'cloudformation/create-request': [[['RequestId'], 'uuid']],
  'cloudwatch/scheduled-event': [
    [['id'], 'uuid'],
    [['time'], 'iso-s'],
  ],
  'codecommit/repository': [
    [['Records', '*', 'eventId'], 'uuid'],
    [['Records', '*', 'eventTime'], 'iso-ms-offset'],
  ],
  'codepipeline/job': [[['CodePipeline.job', 'id'], 'uuid']],
  'dynamodb/update': [
    [['Records', '*', 'eventID'], 'hex32'],
    [['Records', '*', 'dynamodb', 'ApproximateCreationDateTime'], 'epoch-s'],
  ],
  'kinesis/get-records': [[['Records', '*', 'kinesis', 'approximateArrivalTimestamp'], 'epoch-s-fraction']],
  'kinesis/analytics': ANALYTICS,
  'kinesis/analytics-compressed': ANALYTICS,
  'kinesis/analytics-dynamodb': ANALYTICS,
  'kinesis/analytics-kpl': [
    [['invocationId'], 'uuid'],
    [['records', '*', 'kinesisStreamRecordMetadata', 'approximateArrivalTimestamp'], 'epoch-ms'],
  ],
  'kinesis/apachelog': FIREHOSE,
  'kinesis/cloudwatch-logs-processor': FIREHOSE,
  'kinesis/kinesis-firehose': FIREHOSE,
  'kinesis/streams-as-source': [
    ...FIREHOSE,
    [['records', '*', 'kinesisRecordMetadata', 'approximateArrivalTimestamp'], 'epoch-ms'],
  ],
  'kinesis/syslog': [
    [['invocationId'], 'uuid'],
    [['records', 0, 'approximateArrivalTimestamp'], 'epoch-ms'],
    [['records', 1, 'approximateArrivalTimestamp'], 'iso-ms'],
  ],
  'lex-v2/banking-bot': LEX_V2,
  'lex-v2/book-car': LEX_V2,
  'lex-v2/book-hotel': LEX_V2,
  'rekognition/s3-request': S3_RECORD,
  's3/put': S3_RECORD,
  's3/delete': S3_RECORD,
  's3/batch-invocation': [
    [['invocationId'], 'base64-id'],
    [['job', 'id'], 'uuid'],
    [['tasks', '*', 'taskId'], 'base64-id'],
  ],
  'ses/email-receiving': [
    [['Records', '*', 'ses', 'mail', 'timestamp'], 'iso-ms'],
    [['Records', '*', 'ses', 'mail', 'messageId'], 'ses-message-id'],
    [['Records', '*', 'ses', 'mail', 'commonHeaders', 'date'], 'rfc2822'],
    [['Records', '*', 'ses', 'receipt', 'timestamp'], 'iso-ms'],
  ],
  'sns/notification': [
    [['Records', '*', 'Sns', 'MessageId'], 'uuid'],
    [['Records', '*', 'Sns', 'Timestamp'], 'iso-ms'],
  ],
  'sqs/receive-message': [
    [['Records', '*', 'messageId'], 'uuid'],
    [['Records', '*', 'attributes', 'SentTimestamp'], 'epoch-ms-string'],
    [['Records', '*', 'attributes', 'ApproximateFirstReceiveTimestamp'], 'epoch-ms-string'],
  ],
  'workmail/email': [
    [['messageId'], 'uuid'],
    [['invocationId'], 'hex32'],
  ],
};

/** The fresh fields of an event type as display paths, e.g. `Records[*].eventTime`. */
export function freshFieldPaths(service: string, type: string): string[] {
  return (FRESH_FIELDS[`${service}/${type}`] ?? []).map(([path]) => formatPath(path));
}

/**
 * Stamps fresh values into `event` (changed in place) where `template` (the same structure before
 * placeholders were filled) holds a literal value. Returns the concrete paths stamped.
 */
export function stampFreshFields(service: string, type: string, event: unknown, template: unknown, clock: Clock, ids: IdGenerator): string[] {
  const fields = FRESH_FIELDS[`${service}/${type}`] ?? [];
  const now = clock.now();
  const stamped: string[] = [];
  for (const [path, kind] of fields) {
    for (const concrete of expand(event, path)) {
      const original = get(template, concrete);
      if (typeof original === 'string' && original.includes('{{')) continue;
      set(event, concrete, freshValue(kind, now, ids));
      stamped.push(formatPath(concrete));
    }
  }
  return stamped;
}

function freshValue(kind: Kind, now: Date, ids: IdGenerator): string | number {
  const ms = now.getTime();
  const iso = now.toISOString();
  const hex = (n: number): string => {
    let out = '';
    while (out.length < n) out += ids.environmentId();
    return out.slice(0, n);
  };
  const base64 = (bytes: number): string => Buffer.from(hex(bytes * 2), 'hex').toString('base64');
  switch (kind) {
    case 'uuid':
      return ids.requestId();
    case 'uuid-upper':
      return ids.requestId().toUpperCase();
    case 'hex32':
      return hex(32);
    case 's3-request-id':
      return hex(16).toUpperCase();
    case 's3-id-2':
      return base64(57);
    case 's3-sequencer':
      return (ms.toString(16).padStart(12, '0') + hex(6)).toUpperCase();
    case 'base64-id':
      return base64(24).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    case 'http-api-request-id':
      return base64(11);
    case 'ses-message-id':
      return hex(40);
    case 'trace-id':
      return `Root=1-${Math.floor(ms / 1000).toString(16).padStart(8, '0')}-${hex(24)}`;
    case 'iso-ms':
      return iso;
    case 'iso-s':
      return iso.replace(/\.\d{3}Z$/, 'Z');
    case 'iso-ms-offset':
      return iso.replace(/Z$/, '+0000');
    case 'epoch-ms':
      return ms;
    case 'epoch-ms-string':
      return String(ms);
    case 'epoch-s':
      return Math.floor(ms / 1000);
    case 'epoch-s-fraction':
      return ms / 1000;
    case 'clf':
      return `${pad(now.getUTCDate())}/${MONTHS[now.getUTCMonth()]}/${now.getUTCFullYear()}:${time(now)} +0000`;
    case 'amz-date':
      return iso.replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
    case 'rfc2822':
      return `${DAYS[now.getUTCDay()]}, ${now.getUTCDate()} ${MONTHS[now.getUTCMonth()]} ${now.getUTCFullYear()} ${time(now)} +0000`;
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const pad = (n: number): string => String(n).padStart(2, '0');
const time = (d: Date): string => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;

/** Every concrete path (array indexes filled in) that exists in `value` and matches `path`. */
function expand(value: unknown, path: Path): (string | number)[][] {
  if (path.length === 0) return [[]];
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (head === '*') {
    if (!Array.isArray(value)) return [];
    return value.flatMap((item, i) => expand(item, rest).map((p) => [i, ...p]));
  }
  const child = childOf(value, head);
  return child === undefined ? [] : expand(child, rest).map((p) => [head, ...p]);
}

function childOf(value: unknown, key: string | number): unknown {
  if (typeof key === 'number') return Array.isArray(value) ? (value[key] as unknown) : undefined;
  // Keys written with a dot (`CodePipeline.job`) are a single property name.
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, key)) return undefined;
  return (value as Record<string, unknown>)[key];
}

function get(value: unknown, path: readonly (string | number)[]): unknown {
  let v = value;
  for (const k of path) v = childOf(v, k);
  return v;
}

function set(value: unknown, path: readonly (string | number)[], fresh: unknown): void {
  const parent = get(value, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1] as string | number] = fresh;
}

/** `Records[0].responseElements["x-amz-request-id"]` */
function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const k of path) {
    if (typeof k === 'number') out += `[${k}]`;
    else if (k === '*') out += '[*]';
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k)) out += out === '' ? k : `.${k}`;
    else out += `[${JSON.stringify(k)}]`;
  }
  return out;
}

// SAM event templates: every event type renders like `sam local generate-event`, with the
// lab's fixes (JSON-escaping, accountId, camelCase tags) and fresh ids and times.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Clock, IdGenerator } from '../../sandbox/service/clock.ts';
import { SAM_EVENTS_DIR } from '../../sandbox/lab.ts';
import { FRESH_FIELDS } from '../../sandbox/services/events/fresh-fields.ts';
import { loadSamEventCatalog } from '../../sandbox/services/events/sam-catalog.ts';
import { listEventTemplates, renderEventTemplate } from '../../sandbox/services/events/sam-render.ts';

const catalog = loadSamEventCatalog(SAM_EVENTS_DIR);
const NOW = new Date('2026-05-01T12:34:56.789Z');
const clock: Clock = { now: () => NOW };
function counterIds(): IdGenerator {
  let n = 0;
  return {
    requestId: () => `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`,
    environmentId: () => (++n).toString(16).padStart(32, 'a'),
  };
}
const render = (service: string, type: string, values: Record<string, string> = {}, fresh = true, ids = counterIds()) =>
  JSON.parse(renderEventTemplate(catalog, { service, type, values, fresh }, clock, ids).content) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('event-templates list', () => {
  const list = listEventTemplates(catalog);
  it('has all 68 event types of 26 services, with help and parameters', () => {
    expect(list).toHaveLength(68);
    expect(new Set(list.map((t) => t.service)).size).toBe(26);
    const sqs = list.find((t) => t.service === 'sqs' && t.type === 'receive-message');
    expect(sqs?.help).toBe('Generates an Amazon SQS Event');
    expect(sqs?.parameters.find((p) => p.name === 'body')).toEqual({
      name: 'body', placeholder: 'body', default: 'Hello from SQS!', type: 'string', fills: [{ placeholder: 'md5_of_body', hashing: 'md5' }],
      note: 'Also fills md5_of_body with the MD5 hex digest of this value.',
    });
    const proxy = list.find((t) => t.service === 'apigateway' && t.type === 'aws-proxy');
    expect(proxy?.parameters.find((p) => p.name === 'querystringparameters')).toMatchObject({ type: 'dict', default: '{"foo": "bar"}' });
    expect(proxy?.parameters.find((p) => p.name === 'body')).toMatchObject({ encoding: 'base64', note: expect.stringContaining('Base64') });
    expect(list.find((t) => t.service === 's3' && t.type === 'put')?.parameters.find((p) => p.name === 'key')).toMatchObject({ encoding: 'url', placeholder: 'key' });
    expect(list.find((t) => t.service === 'sqs')?.parameters.find((p) => p.name === 'queue-name')?.placeholder).toBe('queue_name');
    expect(list.find((t) => t.service === 's3' && t.type === 'put')?.freshFields).toContain('Records[*].eventTime');
  });

  it('renders every event type to valid JSON with its defaults, leaving no placeholder behind', () => {
    for (const t of list) {
      const { content } = renderEventTemplate(catalog, { service: t.service, type: t.type, values: {}, fresh: true }, clock, counterIds());
      expect(() => JSON.parse(content), `${t.service} ${t.type}`).not.toThrow();
      expect(content, `${t.service} ${t.type}`).not.toMatch(/\{\{/);
    }
  });

  it('lists fresh fields only where the template has them', () => {
    for (const key of Object.keys(FRESH_FIELDS)) {
      const [service, type] = key.split('/') as [string, string];
      const { stamped } = renderEventTemplate(catalog, { service, type, values: {}, fresh: true }, clock, counterIds());
      expect(stamped.length, key).toBe(new Set(stamped).size);
      expect(stamped.length, `${key} stamps nothing`).toBeGreaterThanOrEqual(FRESH_FIELDS[key]?.length ?? 0);
    }
  });
});

describe('event-templates render', () => {
  it('fills SQS md5OfBody with the MD5 of the body', () => {
    const e = render('sqs', 'receive-message', { body: 'order #1 "rush"', 'queue-name': 'orders' });
    const r = e['Records'][0];
    expect(r.body).toBe('order #1 "rush"');
    expect(r.md5OfBody).toBe(createHash('md5').update('order #1 "rush"').digest('hex'));
    expect(r.eventSourceARN).toBe('arn:aws:sqs:us-east-1:123456789012:orders');
  });

  it('base64-encodes the API Gateway body and turns the dict query string into an object', () => {
    const e = render('apigateway', 'aws-proxy', { body: '{"name":"Ada"}', querystringparameters: '{"page": "2", "q": "x y"}', method: 'GET' });
    expect(e['isBase64Encoded']).toBe(true);
    expect(Buffer.from(e['body'], 'base64').toString('utf8')).toBe('{"name":"Ada"}');
    expect(e['queryStringParameters']).toEqual({ page: '2', q: 'x y' });
    expect(e['httpMethod']).toBe('GET');
    expect(render('apigateway', 'aws-proxy')['queryStringParameters']).toEqual({ foo: 'bar' });
  });

  it('refuses a dict value that is not a JSON object, with line and column', () => {
    expect(() => render('apigateway', 'aws-proxy', { querystringparameters: '{"a": }' })).toThrow(/querystringparameters must be a JSON object.*line 1, column 7/);
    expect(() => render('apigateway', 'aws-proxy', { querystringparameters: '[1]' })).toThrow(/not an array/);
  });

  it('percent-encodes S3 keys like Python quote (keeping /)', () => {
    const e = render('s3', 'put', { key: "photos/summer 2026/a+b (1)!.jpg", bucket: 'my-bucket' });
    expect(e['Records'][0].s3.object.key).toBe('photos/summer%202026/a%2Bb%20%281%29%21.jpg');
    expect(e['Records'][0].s3.bucket.arn).toBe('arn:aws:s3:::my-bucket');
  });

  it('JSON-escapes values, also inside strings that hold JSON (AWS Config invokingEvent)', () => {
    const sns = render('sns', 'notification', { message: 'say "hi" \\ bye\nnow' });
    expect(sns['Records'][0].Sns.Message).toBe('say "hi" \\ bye\nnow');
    const config = render('config', 'periodic-rule', { 'account-id': '1"2' });
    expect(JSON.parse(config['invokingEvent']).awsAccountId).toBe('1"2');
  });

  it('fills {{{accountId}}} (SNS subscription ARN) with the account id, and honours camelCase tags', () => {
    const sns = render('sns', 'notification', { 'account-id': '111122223333' });
    expect(sns['Records'][0].EventSubscriptionArn).toBe('arn:aws:sns:us-east-1:111122223333:ExampleTopic');
    expect(render('apigateway', 'authorizer', { restApiId: 'abc123' })['methodArn']).toContain(':abc123/');
  });

  it('refuses unknown services, types and parameters with the valid ones', () => {
    expect(() => render('nope', 'x')).toThrow(/No event templates for service "nope". Services: alb, alexa-skills-kit/);
    expect(() => render('s3', 'nope')).toThrow(/Event types: batch-invocation, delete, put/);
    expect(() => render('s3', 'put', { colour: 'red' })).toThrow(/s3 put has no parameter "colour". Parameters: region, partition, bucket, key/);
  });

  it('stamps fresh ids (different per render and per record) and times from the clock', () => {
    const ids = counterIds();
    const a = render('sqs', 'receive-message', {}, true, ids);
    const b = render('sqs', 'receive-message', {}, true, ids);
    expect(a['Records'][0].messageId).not.toBe(b['Records'][0].messageId);
    expect(a['Records'][0].attributes.SentTimestamp).toBe(String(NOW.getTime()));
    const s3 = render('s3', 'put');
    expect(s3['Records'][0].eventTime).toBe('2026-05-01T12:34:56.789Z');
    expect(s3['Records'][0].responseElements['x-amz-request-id']).toMatch(/^[0-9A-F]{16}$/);
    const api = render('apigateway', 'aws-proxy');
    expect(api['requestContext'].requestTimeEpoch).toBe(NOW.getTime());
    expect(api['requestContext'].requestTime).toBe('01/May/2026:12:34:56 +0000');
    expect(api['requestContext'].requestId).toMatch(/^[0-9a-f-]{36}$/);
    const http = render('apigateway', 'http-api-proxy');
    expect(http['requestContext'].timeEpoch).toBe(NOW.getTime());
    const scheduled = render('cloudwatch', 'scheduled-event');
    expect(scheduled['time']).toBe('2026-05-01T12:34:56Z');
    const dynamo = render('dynamodb', 'update');
    expect(new Set(dynamo['Records'].map((r: { eventID: string }) => r.eventID)).size).toBe(3);
    expect(dynamo['Records'][0].dynamodb.ApproximateCreationDateTime).toBe(Math.floor(NOW.getTime() / 1000));
    const { stamped } = renderEventTemplate(catalog, { service: 's3', type: 'put', values: {}, fresh: true }, clock, counterIds());
    expect(stamped).toEqual(['Records[0].eventTime', 'Records[0].responseElements["x-amz-request-id"]', 'Records[0].responseElements["x-amz-id-2"]', 'Records[0].s3.object.sequencer']);
  });

  it('with fresh: false renders the template values as SAM does', () => {
    const { content, stamped } = renderEventTemplate(catalog, { service: 's3', type: 'put', values: {}, fresh: false }, clock, counterIds());
    expect(stamped).toEqual([]);
    const e = JSON.parse(content);
    expect(e.Records[0].eventTime).toBe('1970-01-01T00:00:00.000Z');
    expect(e.Records[0].s3.object.key).toBe('test/key');
    expect(render('sqs', 'receive-message', {}, false)['Records'][0].messageId).toBe('19dd0b57-b21e-4ac1-bd88-01bbb068cb78');
  });
});

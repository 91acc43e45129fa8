// Renders SAM event templates like `sam local generate-event <service> <type> [--<tag> value]`:
// defaults for missing values, kebab-case tags filling snake_case placeholders, base64/url
// encoding, md5 children, `dict` values that become JSON objects. Differences from SAM, on purpose:
// - values are inserted into the parsed template's strings, so a value with `"` or `\` cannot
//   break the JSON (SAM inserts raw text); inside a string that itself holds JSON (AWS Config's
//   `invokingEvent`), values are JSON-escaped once more so that inner JSON stays valid;
// - `{{{accountId}}}` (SNS EventSubscriptionArn, no such tag upstream) gets the account id;
// - camelCase tags such as `restApiId` work (SAM's CLI lowercases them, so they never arrive);
// - with `fresh`, id and time fields get new values (fresh-fields.ts).
import { createHash } from 'node:crypto';
import { type EventTemplateInfo, type EventTemplateParameter, LabError, type RenderedEvent, checkJson } from '../../api/index.ts';
import type { Clock, IdGenerator } from '../../service/clock.ts';
import { freshFieldPaths, stampFreshFields } from './fresh-fields.ts';
import type { SamEventCatalog, SamTag } from './sam-catalog.ts';

export interface RenderRequest {
  service: string;
  type: string;
  values: Record<string, string>;
  fresh: boolean;
}

/** Every event type, sorted by service then type. */
export function listEventTemplates(catalog: SamEventCatalog): EventTemplateInfo[] {
  const out: EventTemplateInfo[] = [];
  for (const service of Object.keys(catalog.mapping).sort()) {
    const types = catalog.mapping[service] ?? {};
    for (const type of Object.keys(types).sort()) {
      const t = types[type];
      if (t === undefined) continue;
      out.push({
        service,
        type,
        help: t.help,
        templateFile: `events/${service}/${t.filename}.json`,
        parameters: Object.entries(t.tags).map(([name, tag]) => parameterInfo(name, tag)),
        freshFields: freshFieldPaths(service, type),
      });
    }
  }
  return out;
}

function parameterInfo(name: string, tag: SamTag): EventTemplateParameter {
  const fills = Object.entries(tag.children ?? {}).map(([placeholder, c]) => ({ placeholder, hashing: c.hashing }));
  const notes: string[] = [];
  if (tag.type === 'dict') notes.push('A JSON object, e.g. {"foo": "bar"}; it becomes an object in the event.');
  if (tag.encoding === 'base64') notes.push('Base64-encoded (UTF-8) before it is inserted: type the plain text.');
  if (tag.encoding === 'url') notes.push('Percent-encoded before it is inserted ("/" is kept), as S3 sends object keys.');
  if (tag.hashing === 'md5') notes.push('Replaced by its MD5 hex digest.');
  for (const f of fills) notes.push(`Also fills ${f.placeholder} with the ${f.hashing.toUpperCase()} hex digest of this value.`);
  return {
    name,
    placeholder: placeholderOf(name),
    default: tag.default,
    type: tag.type === 'dict' ? 'dict' : 'string',
    ...(tag.encoding !== undefined ? { encoding: tag.encoding } : {}),
    fills,
    ...(notes.length > 0 ? { note: notes.join(' ') } : {}),
  };
}

/** SAM's CLI turns option `account-id` into the placeholder `account_id` (case kept). */
function placeholderOf(tag: string): string {
  return tag.replace(/-/g, '_');
}

export function renderEventTemplate(catalog: SamEventCatalog, req: RenderRequest, clock: Clock, ids: IdGenerator): RenderedEvent {
  const services = catalog.mapping;
  const types = Object.hasOwn(services, req.service) ? services[req.service] : undefined;
  if (types === undefined) {
    throw new LabError('not-found', `No event templates for service "${req.service}". Services: ${Object.keys(services).sort().join(', ')}`);
  }
  const info = Object.hasOwn(types, req.type) ? types[req.type] : undefined;
  if (info === undefined) {
    throw new LabError('not-found', `No event template "${req.type}" for ${req.service}. Event types: ${Object.keys(types).sort().join(', ')}`);
  }
  const unknown = Object.keys(req.values).filter((k) => !Object.hasOwn(info.tags, k));
  if (unknown.length > 0) {
    const known = Object.keys(info.tags);
    throw new LabError(
      'bad-request',
      `${req.service} ${req.type} has no parameter ${unknown.map((u) => `"${u}"`).join(', ')}. ${known.length === 0 ? 'It has no parameters.' : `Parameters: ${known.join(', ')}`}`,
      { unknown },
    );
  }

  const values = new Map<string, string>();
  const objects = new Map<string, unknown>();
  for (const [tag, props] of Object.entries(info.tags)) {
    const raw = Object.hasOwn(req.values, tag) ? (req.values[tag] as string) : props.default;
    const placeholder = placeholderOf(tag);
    if (props.type === 'dict') {
      objects.set(placeholder, parseDict(tag, raw));
      continue;
    }
    values.set(placeholder, transform(tag, props, raw));
    for (const [child, childProps] of Object.entries(props.children ?? {})) values.set(child, transform(child, childProps, raw));
  }
  // Upstream quirk: sns/Sns.json uses {{{accountId}}}, which no tag fills (SAM prints an empty account).
  if (!values.has('accountId') && values.has('account_id')) values.set('accountId', values.get('account_id') as string);

  const template = JSON.parse(catalog.template(req.service, info.filename)) as unknown;
  const event = fill(template, values, objects);
  const stamped = req.fresh ? stampFreshFields(req.service, req.type, event, template, clock, ids) : [];
  return { content: JSON.stringify(event, null, 2), stamped };
}

function transform(tag: string, props: { encoding?: 'base64' | 'url' | undefined; hashing?: 'md5' | undefined }, raw: string): string {
  let v = raw;
  if (props.encoding === 'base64') v = Buffer.from(v, 'utf8').toString('base64');
  if (props.encoding === 'url') v = pythonQuote(tag, v);
  if (props.hashing === 'md5') v = createHash('md5').update(v, 'utf8').digest('hex');
  return v;
}

/** Python's `urllib.parse.quote(v)`: percent-encodes UTF-8, keeping letters, digits, `_.-~` and `/`. */
function pythonQuote(tag: string, v: string): string {
  try {
    return encodeURIComponent(v)
      .replace(/%2F/g, '/')
      .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  } catch {
    throw new LabError('bad-request', `The value of ${tag} is not valid text (it holds a lone UTF-16 surrogate)`);
  }
}

function parseDict(tag: string, raw: string): unknown {
  const check = checkJson(raw);
  if (!check.ok) {
    throw new LabError('bad-request', `${tag} must be a JSON object such as {"foo": "bar"}: ${check.message} (line ${check.line}, column ${check.column})`, { parameter: tag, line: check.line, column: check.column });
  }
  const parsed = JSON.parse(raw) as unknown;
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new LabError('bad-request', `${tag} must be a JSON object such as {"foo": "bar"}, not ${Array.isArray(parsed) ? 'an array' : parsed === null ? 'null' : typeof parsed}`, { parameter: tag });
  }
  return parsed;
}

const PLACEHOLDER = /\{\{\{\s*([^}\s]+)\s*\}\}\}|\{\{\s*([^}\s#^/!>&{]+)\s*\}\}/g;

/** The template with its placeholders filled: strings are walked in the parsed JSON, keys included. */
function fill(node: unknown, values: ReadonlyMap<string, string>, objects: ReadonlyMap<string, unknown>): unknown {
  if (typeof node === 'string') return fillString(node, values, objects);
  if (Array.isArray(node)) return node.map((n) => fill(n, values, objects));
  if (node !== null && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      const key = fillString(k, values, objects);
      Object.defineProperty(out, typeof key === 'string' ? key : JSON.stringify(key), { value: fill(v, values, objects), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return node;
}

function fillString(s: string, values: ReadonlyMap<string, string>, objects: ReadonlyMap<string, unknown>): unknown {
  if (!s.includes('{{')) return s;
  // A `dict` placeholder that is the whole string becomes the object itself (as SAM does).
  const whole = /^\{\{\{\s*([^}\s]+)\s*\}\}\}$/.exec(s)?.[1];
  if (whole !== undefined && objects.has(whole)) return objects.get(whole);
  // A string that is itself JSON text: values go in JSON-escaped, so the inner JSON stays valid.
  const nestedJson = isJsonContainer(s.replace(PLACEHOLDER, 'x'));
  return s.replace(PLACEHOLDER, (_m, triple: string | undefined, double: string | undefined) => {
    const name = (triple ?? double) as string;
    let v = objects.has(name) ? JSON.stringify(objects.get(name)) : (values.get(name) ?? ''); // Mustache: missing → ''
    if (double !== undefined) v = htmlEscape(v); // {{x}} is HTML-escaped Mustache (chevron)
    return nestedJson ? JSON.stringify(v).slice(1, -1) : v;
  });
}

function isJsonContainer(s: string): boolean {
  const t = s.trim();
  if (!(t.startsWith('{') || t.startsWith('['))) return false;
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
}

function htmlEscape(v: string): string {
  return v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

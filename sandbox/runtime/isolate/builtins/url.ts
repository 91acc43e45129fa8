// URL and URLSearchParams (core-js-pure's WHATWG implementation, loaded on first use) and
// require('url'): fileURLToPath/pathToFileURL plus the legacy parse/format/resolve.
import {
  NumberCtor, ObjectDefineProperty, ReflectApply, SetCtor, StringCtor, StringPrototypeIndexOf,
  StringPrototypeReplace, StringPrototypeSlice, TypeErrorCtor,
} from '../intrinsics.ts';
import {
  codeError, DecodeURIComponent, InspectCustom, invalidArgType, nameClasses, RegExpPrototypeExec, resolvePosix,
  StringPrototypeToLowerCase,
} from './captured.ts';
import { parse as parseQuery, stringify as stringifyQuery } from './querystring.ts';
import { markUncloneable } from './structured-clone.ts';

declare const require: (id: string) => unknown;

interface URLLike {
  href: string;
  protocol: string;
  hostname: string;
  pathname: string;
  search: string;
  hash: string;
  username: string;
  password: string;
  host: string;
  port: string;
  origin: string;
  searchParams: unknown;
}
export interface UrlClasses {
  URL: new (url: string, base?: unknown) => URLLike;
  URLSearchParams: new (init?: unknown) => { toString(): string; forEach(fn: (v: string, k: string) => void): void };
}

let classes: UrlClasses | undefined;
const inspectSymbol = InspectCustom;

let loading = false;

/** True while core-js itself is being loaded (it probes the global `URL`). */
export function isLoading(): boolean {
  return loading;
}

export function urlClasses(): UrlClasses {
  if (classes !== undefined) return classes;
  let URL: UrlClasses['URL'];
  let URLSearchParams: UrlClasses['URLSearchParams'];
  loading = true;
  try {
    URL = require('core-js-pure/web/url') as UrlClasses['URL'];
    URLSearchParams = require('core-js-pure/web/url-search-params') as UrlClasses['URLSearchParams'];
  } finally {
    loading = false;
  }
  // console.log(new URL(...)) prints like Node's.
  ObjectDefineProperty(URL.prototype, inspectSymbol, {
    value(this: URLLike, _depth: number, options: unknown, inspect: (v: unknown, o: unknown) => string) {
      const o: Record<string, unknown> = {
        href: this.href, origin: this.origin, protocol: this.protocol, username: this.username, password: this.password,
        host: this.host, hostname: this.hostname, port: this.port, pathname: this.pathname, search: this.search,
        searchParams: this.searchParams, hash: this.hash,
      };
      return `URL ${inspect(o, options)}`;
    },
  });
  ObjectDefineProperty(URLSearchParams.prototype, inspectSymbol, {
    value(this: InstanceType<UrlClasses['URLSearchParams']>) {
      let body = '';
      this.forEach((v, k) => {
        body += `${body === '' ? '' : ', '}'${k}' => '${v}'`;
      });
      return body === '' ? 'URLSearchParams {}' : `URLSearchParams { ${body} }`;
    },
  });
  markUncloneable(URL.prototype);
  markUncloneable(URLSearchParams.prototype);
  classes = { URL, URLSearchParams };
  return classes;
}

/** Node's isURL(): a WHATWG URL object (not a legacy url.parse result). */
export function isURL(v: unknown): v is URLLike {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as { href?: unknown; protocol?: unknown; auth?: unknown; path?: unknown };
  return typeof o.href === 'string' && typeof o.protocol === 'string' && o.auth === undefined && o.path === undefined;
}

const s = <T>(fn: (...a: never[]) => T, self: unknown, ...args: unknown[]): T => ReflectApply(fn as (...a: unknown[]) => T, self, args);

export function fileURLToPath(input: unknown): string {
  let url: URLLike;
  if (typeof input === 'string') url = new (urlClasses().URL)(input);
  else if (isURL(input)) url = input;
  else throw invalidArgType('path', 'of type string or an instance of URL', input);
  if (url.protocol !== 'file:') throw codeError(TypeErrorCtor, 'ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file');
  if (url.hostname !== '') {
    throw codeError(TypeErrorCtor, 'ERR_INVALID_FILE_URL_HOST', 'File URL host must be "localhost" or empty on linux');
  }
  const pathname = url.pathname;
  for (let i = 0; i + 2 < pathname.length; i++) {
    if (pathname[i] === '%' && pathname[i + 1] === '2' && (pathname[i + 2] === 'f' || pathname[i + 2] === 'F')) {
      throw codeError(TypeErrorCtor, 'ERR_INVALID_FILE_URL_PATH', 'File URL path must not include encoded / characters');
    }
  }
  return DecodeURIComponent(pathname);
}

export function pathToFileURL(path: unknown): URLLike {
  if (typeof path !== 'string') throw invalidArgType('path', 'of type string', path);
  let resolved = resolvePosix('/var/task', path);
  if (path.length > 1 && path[path.length - 1] === '/' && resolved !== '/') resolved += '/';
  let encoded = '';
  for (let i = 0; i < resolved.length; i++) {
    const c = resolved[i] as string;
    encoded += c === '%' ? '%25' : c === '\\' ? '%5C' : c === '\n' ? '%0A' : c === '\r' ? '%0D' : c === '\t' ? '%09' : c === '?' ? '%3F' : c === '#' ? '%23' : c;
  }
  return new (urlClasses().URL)(`file://${encoded}`);
}

// ---- legacy API -------------------------------------------------------------------------------

const SLASHED = new SetCtor(['http:', 'https:', 'ftp:', 'gopher:', 'file:', 'ws:', 'wss:']);

export class Url {
  protocol: string | null = null;
  slashes: boolean | null = null;
  auth: string | null = null;
  host: string | null = null;
  port: string | null = null;
  hostname: string | null = null;
  hash: string | null = null;
  search: string | null = null;
  query: string | Record<string, unknown> | null = null;
  pathname: string | null = null;
  path: string | null = null;
  href = '';
}

export function parse(input: unknown, parseQueryString = false, slashesDenoteHost = false): Url {
  if (typeof input !== 'string') throw invalidArgType('url', 'of type string', input);
  const u = new Url();
  let rest = s(StringPrototypeReplace, input, /^\s+|\s+$/g, '') as string;
  const hashAt = s(StringPrototypeIndexOf, rest, '#') as number;
  if (hashAt >= 0) {
    u.hash = s(StringPrototypeSlice, rest, hashAt) as string;
    rest = s(StringPrototypeSlice, rest, 0, hashAt) as string;
  }
  const proto = s(RegExpPrototypeExec, /^([a-z0-9.+-]+:)/i, rest) as RegExpExecArray | null;
  if (proto !== null) {
    u.protocol = s(StringPrototypeToLowerCase, proto[1] as string) as string;
    rest = s(StringPrototypeSlice, rest, (proto[1] as string).length) as string;
  }
  const slashes = rest[0] === '/' && rest[1] === '/';
  if (slashes && (proto === null ? slashesDenoteHost : true)) {
    u.slashes = true;
    rest = s(StringPrototypeSlice, rest, 2) as string;
    const end = s(RegExpPrototypeExec, /[/?]/, rest) as RegExpExecArray | null;
    const authority = end === null ? rest : (s(StringPrototypeSlice, rest, 0, end.index) as string);
    rest = end === null ? '' : (s(StringPrototypeSlice, rest, end.index) as string);
    const at = authority.lastIndexOf('@');
    if (at >= 0) u.auth = DecodeURIComponent(s(StringPrototypeSlice, authority, 0, at) as string);
    const host = s(StringPrototypeToLowerCase, s(StringPrototypeSlice, authority, at + 1) as string) as string;
    const portMatch = s(RegExpPrototypeExec, /:(\d*)$/, host) as RegExpExecArray | null;
    u.host = host;
    u.hostname = portMatch === null ? host : (s(StringPrototypeSlice, host, 0, portMatch.index) as string);
    if (portMatch !== null && portMatch[1] !== '') u.port = portMatch[1] as string;
    if (portMatch !== null && portMatch[1] === '') u.host = u.hostname;
  }
  const q = s(StringPrototypeIndexOf, rest, '?') as number;
  const pathname = q >= 0 ? (s(StringPrototypeSlice, rest, 0, q) as string) : rest;
  if (q >= 0) u.search = s(StringPrototypeSlice, rest, q) as string;
  if (pathname !== '') u.pathname = pathname;
  else if (u.protocol !== null && SLASHED.has(u.protocol) && u.hostname !== null) u.pathname = '/';
  const queryText = u.search === null ? null : (s(StringPrototypeSlice, u.search, 1) as string);
  u.query = parseQueryString ? parseQuery(queryText ?? '') : queryText;
  if (parseQueryString && u.search === null) u.search = '';
  u.path = u.pathname === null && u.search === null ? null : `${u.pathname ?? ''}${u.search ?? ''}`;
  u.href = format(u);
  return u;
}

export function format(obj: unknown, options?: { auth?: boolean; fragment?: boolean; search?: boolean }): string {
  if (typeof obj === 'string') return format(parse(obj));
  if (isURL(obj)) {
    let href = `${obj.protocol}//`;
    if (options?.auth !== false && (obj.username !== '' || obj.password !== '')) href += `${obj.username}${obj.password !== '' ? `:${obj.password}` : ''}@`;
    href += `${obj.host}${obj.pathname}`;
    if (options?.search !== false) href += obj.search;
    if (options?.fragment !== false) href += obj.hash;
    return obj.protocol === 'file:' || obj.host !== '' ? href : obj.href;
  }
  if (typeof obj !== 'object' || obj === null) throw invalidArgType('urlObject', 'of type object or string', obj);
  const o = obj as Record<string, unknown>;
  let protocol = typeof o['protocol'] === 'string' ? o['protocol'] : '';
  if (protocol !== '' && protocol[protocol.length - 1] !== ':') protocol += ':';
  let host = '';
  if (typeof o['host'] === 'string' && o['host'] !== '') host = o['host'];
  else if (typeof o['hostname'] === 'string' && o['hostname'] !== '') host = o['hostname'] + (o['port'] !== undefined && o['port'] !== null && o['port'] !== '' ? `:${StringCtor(o['port'])}` : '');
  const auth = typeof o['auth'] === 'string' && o['auth'] !== '' ? `${o['auth']}@` : '';
  let pathname = typeof o['pathname'] === 'string' ? o['pathname'] : '';
  let search = typeof o['search'] === 'string' ? o['search'] : '';
  if (search === '' && typeof o['query'] === 'object' && o['query'] !== null) {
    const q = stringifyQuery(o['query']);
    if (q !== '') search = `?${q}`;
  }
  if (search !== '' && search[0] !== '?') search = `?${search}`;
  let hash = typeof o['hash'] === 'string' ? o['hash'] : '';
  if (hash !== '' && hash[0] !== '#') hash = `#${hash}`;
  const slashes = o['slashes'] === true || SLASHED.has(protocol);
  let prefix = protocol;
  if (slashes || host !== '') {
    prefix += `//${auth}${host}`;
    if (pathname !== '' && pathname[0] !== '/') pathname = `/${pathname}`;
  }
  pathname = s(StringPrototypeReplace, pathname, /[?#]/g, encodeURIComponent) as string;
  search = s(StringPrototypeReplace, search, /#/g, '%23') as string;
  return prefix + pathname + search + hash;
}

export function resolve(from: unknown, to: unknown): string {
  const { URL } = urlClasses();
  const resolved = new URL(StringCtor(to), new URL(StringCtor(from), 'resolve://'));
  if (resolved.protocol === 'resolve:') return resolved.pathname + resolved.search + resolved.hash;
  return resolved.href;
}

export function createUrlModule(): Record<string, unknown> {
  const { URL, URLSearchParams } = urlClasses();
  return {
    URL,
    URLSearchParams,
    fileURLToPath,
    pathToFileURL,
    parse,
    format,
    resolve,
    Url,
    domainToASCII: (d: unknown) => {
      try {
        return new URL(`ws://${StringCtor(d)}`).hostname;
      } catch {
        return '';
      }
    },
    domainToUnicode: (d: unknown) => StringCtor(d),
    urlToHttpOptions(url: URLLike) {
      return {
        protocol: url.protocol,
        hostname: url.hostname[0] === '[' ? url.hostname.slice(1, -1) : url.hostname,
        hash: url.hash,
        search: url.search,
        pathname: url.pathname,
        path: `${url.pathname}${url.search}`,
        href: url.href,
        ...(url.port !== '' ? { port: NumberCtor(url.port) } : {}),
        ...(url.username !== '' || url.password !== '' ? { auth: `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}` } : {}),
      };
    },
  };
}

nameClasses({ Url });

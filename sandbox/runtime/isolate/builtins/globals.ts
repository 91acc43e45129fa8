// The Node globals beyond the glue's core set: Buffer, TextEncoder/TextDecoder, URL,
// URLSearchParams, atob/btoa, structuredClone, crypto, performance, AbortController/AbortSignal,
// Event/EventTarget, DOMException. Each is an accessor that loads its module on first use and
// then becomes a plain property, so a cold start pays only for what the function touches
// (modules reached through `require()` here are bundled as lazily-initialised wrappers).
import { ObjectDefineProperty, WeakMapCtor, WeakMapGet, WeakMapSet, call } from '../intrinsics.ts';
import './captured.ts';
import { services, type NodeDeps, type Services } from './host.ts';

declare const require: (id: string) => unknown;

type Global = Record<string | symbol, unknown>;
type Dom = typeof import('./dom.ts');

const webCryptos = new WeakMapCtor<object, unknown>();
const performances = new WeakMapCtor<object, unknown>();

/** The one `crypto` object of an environment (global `crypto` === require('crypto').webcrypto). */
export function sharedWebCrypto(svc: Services): unknown {
  let c = call(WeakMapGet, webCryptos, svc);
  if (c === undefined) {
    c = (require('./web-crypto.ts') as typeof import('./web-crypto.ts')).createWebCrypto(svc);
    call(WeakMapSet, webCryptos, svc, c);
  }
  return c;
}

/** The one `performance` object of an environment (also require('perf_hooks').performance). */
export function sharedPerformance(svc: Services, timeOrigin: number): unknown {
  let p = call(WeakMapGet, performances, svc);
  if (p === undefined) {
    p = (require('./performance.ts') as typeof import('./performance.ts')).createPerformance(() => svc.now(), timeOrigin);
    call(WeakMapSet, performances, svc, p);
  }
  return p;
}

function defineValue(g: Global, name: string, value: unknown): void {
  ObjectDefineProperty(g, name, { value, writable: true, configurable: true, enumerable: false });
}

/**
 * A global that is created on first read (or replaced on first write), then a plain property.
 * While its module loads, the global reads as undefined (core-js, for one, probes `URL`).
 */
function defineLazy(g: Global, name: string, load: () => unknown): void {
  let loading = false;
  ObjectDefineProperty(g, name, {
    get() {
      if (loading) return undefined;
      loading = true;
      let value: unknown;
      try {
        value = load();
      } finally {
        loading = false;
      }
      if (value !== undefined) defineValue(g, name, value);
      return value;
    },
    set(value: unknown) {
      defineValue(g, name, value);
    },
    configurable: true,
    enumerable: false,
  });
}

/**
 * Installs the globals. Call once at boot, after the glue's own globals (it captures the glue's
 * `queueMicrotask`, `setTimeout` and `clearTimeout`) and before any user code runs.
 */
export function installNodeGlobals(g: Global, deps: NodeDeps): void {
  const svc = services(deps.hostCall);
  const queueMicrotask = g['queueMicrotask'] as (fn: () => void) => void;
  const setTimeout = g['setTimeout'] as (fn: () => void, ms: number) => unknown;
  const clearTimeout = g['clearTimeout'] as (h: unknown) => void;
  let dom: Dom | undefined;
  const domModule = (): Dom => {
    if (dom === undefined) {
      dom = require('./dom.ts') as Dom;
      dom.configureDom({
        now: () => svc.now() - deps.startTime,
        // A throwing event listener is an uncaught exception, as in Node.
        reportError: (e) =>
          queueMicrotask(() => {
            throw e;
          }),
        setTimeout,
        clearTimeout,
      });
    }
    return dom;
  };
  const text = () => require('./text-codec.ts') as typeof import('./text-codec.ts');
  const base64 = () => require('./base64.ts') as typeof import('./base64.ts');
  const webCrypto = () => require('./web-crypto.ts') as typeof import('./web-crypto.ts');

  defineLazy(g, 'Buffer', () => (require('./buffer.ts') as typeof import('./buffer.ts')).BufferClass());
  const url = () => require('./url.ts') as typeof import('./url.ts');
  defineLazy(g, 'URL', () => (url().isLoading() ? undefined : url().urlClasses().URL));
  defineLazy(g, 'URLSearchParams', () => (url().isLoading() ? undefined : url().urlClasses().URLSearchParams));
  defineLazy(g, 'crypto', () => sharedWebCrypto(svc));
  defineLazy(g, 'Crypto', () => webCrypto().Crypto);
  defineLazy(g, 'SubtleCrypto', () => webCrypto().SubtleCrypto);
  defineLazy(g, 'performance', () => sharedPerformance(svc, deps.startTime));
  defineLazy(g, 'TextEncoder', () => text().TextEncoder);
  defineLazy(g, 'TextDecoder', () => text().TextDecoder);
  defineLazy(g, 'atob', () => base64().atob);
  defineLazy(g, 'btoa', () => base64().btoa);
  defineLazy(g, 'structuredClone', () => (require('./structured-clone.ts') as typeof import('./structured-clone.ts')).structuredClone);
  defineLazy(g, 'DOMException', () => domModule().DOMException);
  defineLazy(g, 'Event', () => domModule().Event);
  defineLazy(g, 'CustomEvent', () => domModule().CustomEvent);
  defineLazy(g, 'EventTarget', () => domModule().EventTarget);
  defineLazy(g, 'AbortController', () => domModule().AbortController);
  defineLazy(g, 'AbortSignal', () => domModule().AbortSignal);
}

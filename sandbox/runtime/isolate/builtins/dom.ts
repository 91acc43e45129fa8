// The small DOM-standard classes Node has as globals: DOMException, Event, CustomEvent,
// EventTarget, AbortController and AbortSignal (with AbortSignal.timeout/any).
import {
  ErrorCtor, MapCtor, ObjectDefineProperty, RangeErrorCtor, ReflectApply, StringCtor, SymbolCtor, SymbolToStringTag,
  TypeErrorCtor, WeakMapCtor,
} from '../intrinsics.ts';
import { codeError, describeReceived, inspectAs, nameClasses } from './captured.ts';

const CODES: Record<string, number> = {
  __proto__: null as unknown as number,
  IndexSizeError: 1, DOMStringSizeError: 2, HierarchyRequestError: 3, WrongDocumentError: 4, InvalidCharacterError: 5,
  NoDataAllowedError: 6, NoModificationAllowedError: 7, NotFoundError: 8, NotSupportedError: 9, InUseAttributeError: 10,
  InvalidStateError: 11, SyntaxError: 12, InvalidModificationError: 13, NamespaceError: 14, InvalidAccessError: 15,
  ValidationError: 16, TypeMismatchError: 17, SecurityError: 18, NetworkError: 19, AbortError: 20, URLMismatchError: 21,
  QuotaExceededError: 22, TimeoutError: 23, InvalidNodeTypeError: 24, DataCloneError: 25,
};

export class DOMException extends ErrorCtor {
  constructor(message: unknown = '', options: unknown = 'Error') {
    super(StringCtor(message));
    let name = 'Error';
    if (typeof options === 'object' && options !== null) {
      const o = options as { name?: unknown; cause?: unknown };
      if (o.name !== undefined) name = StringCtor(o.name);
      if ('cause' in o) ObjectDefineProperty(this, 'cause', { value: o.cause, writable: true, configurable: true, enumerable: false });
    } else if (options !== undefined) name = StringCtor(options);
    ObjectDefineProperty(this, 'name', { value: name, writable: true, configurable: true, enumerable: false });
    ObjectDefineProperty(this, 'code', { value: CODES[name] ?? 0, writable: true, configurable: true, enumerable: false });
  }
  get [SymbolToStringTag](): string {
    return 'DOMException';
  }
}
const LEGACY = [
  'INDEX_SIZE_ERR', 'DOMSTRING_SIZE_ERR', 'HIERARCHY_REQUEST_ERR', 'WRONG_DOCUMENT_ERR', 'INVALID_CHARACTER_ERR',
  'NO_DATA_ALLOWED_ERR', 'NO_MODIFICATION_ALLOWED_ERR', 'NOT_FOUND_ERR', 'NOT_SUPPORTED_ERR', 'INUSE_ATTRIBUTE_ERR',
  'INVALID_STATE_ERR', 'SYNTAX_ERR', 'INVALID_MODIFICATION_ERR', 'NAMESPACE_ERR', 'INVALID_ACCESS_ERR', 'VALIDATION_ERR',
  'TYPE_MISMATCH_ERR', 'SECURITY_ERR', 'NETWORK_ERR', 'ABORT_ERR', 'URL_MISMATCH_ERR', 'QUOTA_EXCEEDED_ERR', 'TIMEOUT_ERR',
  'INVALID_NODE_TYPE_ERR', 'DATA_CLONE_ERR',
];
for (let i = 0; i < LEGACY.length; i++) {
  ObjectDefineProperty(DOMException, LEGACY[i] as string, { value: i + 1, enumerable: true });
  ObjectDefineProperty(DOMException.prototype, LEGACY[i] as string, { value: i + 1, enumerable: true });
}

// ---- Event / EventTarget ----------------------------------------------------------------------

interface EventState {
  type: string;
  bubbles: boolean;
  cancelable: boolean;
  composed: boolean;
  defaultPrevented: boolean;
  stop: boolean;
  target: unknown;
  currentTarget: unknown;
  timeStamp: number;
}
const events = new WeakMapCtor<object, EventState>();
function ev(e: unknown): EventState {
  const s = typeof e === 'object' && e !== null ? events.get(e) : undefined;
  if (s === undefined) throw codeError(TypeErrorCtor, 'ERR_INVALID_THIS', 'Value of "this" must be of type Event');
  return s;
}

let clock: () => number = () => 0;
let reportError: (e: unknown) => void = (e) => {
  throw e;
};
let timers: { setTimeout: (fn: () => void, ms: number) => unknown; clearTimeout: (h: unknown) => void } | undefined;

/** Wires the timer, clock and uncaught-error hooks (once, at boot). */
export function configureDom(hooks: {
  now: () => number;
  reportError: (e: unknown) => void;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (h: unknown) => void;
}): void {
  clock = hooks.now;
  reportError = hooks.reportError;
  timers = { setTimeout: hooks.setTimeout, clearTimeout: hooks.clearTimeout };
}

export class Event {
  static readonly NONE = 0;
  static readonly CAPTURING_PHASE = 1;
  static readonly AT_TARGET = 2;
  static readonly BUBBLING_PHASE = 3;
  constructor(type: unknown, init?: { bubbles?: boolean; cancelable?: boolean; composed?: boolean }) {
    if (arguments.length === 0) throw codeError(TypeErrorCtor, 'ERR_MISSING_ARGS', 'The "type" argument must be specified');
    events.set(this, {
      type: StringCtor(type),
      bubbles: !!init?.bubbles,
      cancelable: !!init?.cancelable,
      composed: !!init?.composed,
      defaultPrevented: false,
      stop: false,
      target: null,
      currentTarget: null,
      timeStamp: clock(),
    });
  }
  get type(): string {
    return ev(this).type;
  }
  get bubbles(): boolean {
    return ev(this).bubbles;
  }
  get cancelable(): boolean {
    return ev(this).cancelable;
  }
  get composed(): boolean {
    return ev(this).composed;
  }
  get defaultPrevented(): boolean {
    const s = ev(this);
    return s.cancelable && s.defaultPrevented;
  }
  get target(): unknown {
    return ev(this).target;
  }
  get currentTarget(): unknown {
    return ev(this).currentTarget;
  }
  get srcElement(): unknown {
    return ev(this).target;
  }
  get timeStamp(): number {
    return ev(this).timeStamp;
  }
  get isTrusted(): boolean {
    return false;
  }
  get eventPhase(): number {
    return ev(this).currentTarget === null ? 0 : 2;
  }
  get returnValue(): boolean {
    return !this.defaultPrevented;
  }
  get cancelBubble(): boolean {
    return ev(this).stop;
  }
  set cancelBubble(v: boolean) {
    if (v) ev(this).stop = true;
  }
  composedPath(): unknown[] {
    const t = ev(this).currentTarget;
    return t === null ? [] : [t];
  }
  preventDefault(): void {
    ev(this).defaultPrevented = true;
  }
  stopPropagation(): void {
    ev(this).stop = true;
  }
  stopImmediatePropagation(): void {
    ev(this).stop = true;
  }
  get [SymbolToStringTag](): string {
    return 'Event';
  }
}

export class CustomEvent extends Event {
  #detail: unknown;
  constructor(type: unknown, init?: { bubbles?: boolean; cancelable?: boolean; composed?: boolean; detail?: unknown }) {
    super(type, init);
    this.#detail = init?.detail ?? null;
  }
  get detail(): unknown {
    return this.#detail;
  }
  get [SymbolToStringTag](): string {
    return 'CustomEvent';
  }
}

interface Listener {
  callback: unknown;
  capture: boolean;
  once: boolean;
  removed: boolean;
}
const listeners = new WeakMapCtor<object, Map<string, Listener[]>>();

function listenersOf(t: object): Map<string, Listener[]> {
  let m = listeners.get(t);
  if (m === undefined) {
    m = new MapCtor<string, Listener[]>();
    listeners.set(t, m);
  }
  return m;
}

function flags(options: unknown): { capture: boolean; once: boolean; signal: unknown } {
  if (typeof options === 'boolean') return { capture: options, once: false, signal: undefined };
  if (typeof options !== 'object' || options === null) return { capture: false, once: false, signal: undefined };
  const o = options as { capture?: unknown; once?: unknown; signal?: unknown };
  return { capture: !!o.capture, once: !!o.once, signal: o.signal };
}

export class EventTarget {
  addEventListener(type: unknown, callback: unknown, options?: unknown): void {
    if (callback === null || callback === undefined) return;
    if (typeof callback !== 'function' && typeof callback !== 'object') {
      throw codeError(TypeErrorCtor, 'ERR_INVALID_ARG_TYPE', `The "listener" argument must be an instance of EventListener. Received ${describeReceived(callback)}`);
    }
    const { capture, once, signal } = flags(options);
    if (signal !== undefined && signal instanceof AbortSignal && signal.aborted) return;
    const key = StringCtor(type);
    const map = listenersOf(this);
    let list = map.get(key);
    if (list === undefined) {
      list = [];
      map.set(key, list);
    }
    for (let i = 0; i < list.length; i++) {
      const l = list[i] as Listener;
      if (l.callback === callback && l.capture === capture) return;
    }
    list[list.length] = { callback, capture, once, removed: false };
    if (signal !== undefined && signal instanceof AbortSignal) {
      signal.addEventListener('abort', () => this.removeEventListener(key, callback, { capture }), { once: true });
    }
  }

  removeEventListener(type: unknown, callback: unknown, options?: unknown): void {
    const list = listenersOf(this).get(StringCtor(type));
    if (list === undefined) return;
    const { capture } = flags(options);
    for (let i = 0; i < list.length; i++) {
      const l = list[i] as Listener;
      if (l.callback === callback && l.capture === capture) {
        l.removed = true;
        for (let j = i; j < list.length - 1; j++) list[j] = list[j + 1] as Listener;
        list.length--;
        return;
      }
    }
  }

  dispatchEvent(event: unknown): boolean {
    if (!(event instanceof Event)) {
      throw codeError(TypeErrorCtor, 'ERR_INVALID_ARG_TYPE', `The "event" argument must be an instance of Event. Received ${describeReceived(event)}`);
    }
    const s = ev(event);
    s.target = this;
    s.currentTarget = this;
    s.stop = false;
    const list = listenersOf(this).get(s.type);
    const snapshot: Listener[] = [];
    if (list !== undefined) for (let i = 0; i < list.length; i++) snapshot[i] = list[i] as Listener;
    const handler = handlerProperty(this, s.type);
    if (typeof handler === 'function') snapshot[snapshot.length] = { callback: handler, capture: false, once: false, removed: false };
    for (let i = 0; i < snapshot.length && !s.stop; i++) {
      const l = snapshot[i] as Listener;
      if (l.removed) continue;
      if (l.once) this.removeEventListener(s.type, l.callback, { capture: l.capture });
      try {
        if (typeof l.callback === 'function') ReflectApply(l.callback, this, [event]);
        else {
          const h = (l.callback as { handleEvent?: unknown }).handleEvent;
          if (typeof h === 'function') ReflectApply(h, l.callback, [event]);
        }
      } catch (e) {
        reportError(e);
      }
    }
    s.currentTarget = null;
    return !(s.cancelable && s.defaultPrevented);
  }

  get [SymbolToStringTag](): string {
    return 'EventTarget';
  }
}

/** `onabort`-style handler properties (kept per target, outside user reach). */
const handlers = new WeakMapCtor<object, Map<string, unknown>>();
function handlerProperty(t: object, type: string): unknown {
  return handlers.get(t)?.get(type);
}
function setHandler(t: object, type: string, fn: unknown): void {
  let m = handlers.get(t);
  if (m === undefined) {
    m = new MapCtor<string, unknown>();
    handlers.set(t, m);
  }
  m.set(type, typeof fn === 'function' ? fn : null);
}

// ---- AbortController / AbortSignal ------------------------------------------------------------

const kCreate = SymbolCtor('create');
const signals = new WeakMapCtor<object, { aborted: boolean; reason: unknown }>();
function sig(s: unknown): { aborted: boolean; reason: unknown } {
  const st = typeof s === 'object' && s !== null ? signals.get(s) : undefined;
  if (st === undefined) throw codeError(TypeErrorCtor, 'ERR_INVALID_THIS', 'Value of "this" must be of type AbortSignal');
  return st;
}

function abortSignal(signal: AbortSignal, reason: unknown): void {
  const st = sig(signal);
  if (st.aborted) return;
  st.aborted = true;
  st.reason = reason === undefined ? new DOMException('This operation was aborted', 'AbortError') : reason;
  signal.dispatchEvent(new Event('abort'));
}

export class AbortSignal extends EventTarget {
  constructor(token?: unknown) {
    if (token !== kCreate) throw codeError(TypeErrorCtor, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
    super();
    signals.set(this, { aborted: false, reason: undefined });
  }
  get aborted(): boolean {
    return sig(this).aborted;
  }
  get reason(): unknown {
    return sig(this).reason;
  }
  get onabort(): unknown {
    return handlerProperty(this, 'abort') ?? null;
  }
  set onabort(fn: unknown) {
    setHandler(this, 'abort', fn);
  }
  throwIfAborted(): void {
    const st = sig(this);
    if (st.aborted) throw st.reason;
  }
  static abort(reason?: unknown): AbortSignal {
    const s = new AbortSignal(kCreate);
    abortSignal(s, reason);
    return s;
  }
  static timeout(ms: unknown): AbortSignal {
    if (typeof ms !== 'number') throw codeError(TypeErrorCtor, 'ERR_INVALID_ARG_TYPE', `The "delay" argument must be of type number. Received ${describeReceived(ms)}`);
    if (!(ms >= 0 && ms <= Number.MAX_SAFE_INTEGER) || ms % 1 !== 0) {
      throw codeError(RangeErrorCtor, 'ERR_OUT_OF_RANGE', `The value of "delay" is out of range. It must be >= 0 && <= ${Number.MAX_SAFE_INTEGER}. Received ${ms}`);
    }
    const s = new AbortSignal(kCreate);
    if (timers === undefined) return s;
    const handle = timers.setTimeout(() => abortSignal(s, new DOMException('The operation was aborted due to timeout', 'TimeoutError')), ms);
    // Like Node, the timer does not keep the event loop (here: the invocation) alive.
    const unref = (handle as { unref?: unknown } | undefined)?.unref;
    if (typeof unref === 'function') ReflectApply(unref, handle, []);
    return s;
  }
  static any(list: unknown): AbortSignal {
    const s = new AbortSignal(kCreate);
    if (typeof list !== 'object' || list === null || typeof (list as { length?: unknown }).length !== 'number') {
      throw codeError(TypeErrorCtor, 'ERR_INVALID_ARG_TYPE', `The "signals" argument must be an instance of Array. Received ${describeReceived(list)}`);
    }
    const arr = list as ArrayLike<unknown>;
    for (let i = 0; i < arr.length; i++) {
      const other = arr[i];
      if (!(other instanceof AbortSignal)) {
        throw codeError(TypeErrorCtor, 'ERR_INVALID_ARG_TYPE', `The "signals[${i}]" argument must be an instance of AbortSignal. Received ${describeReceived(other)}`);
      }
      if (other.aborted) {
        abortSignal(s, other.reason);
        return s;
      }
    }
    for (let i = 0; i < arr.length; i++) {
      const other = arr[i] as AbortSignal;
      other.addEventListener('abort', () => abortSignal(s, other.reason), { once: true });
    }
    return s;
  }
  get [SymbolToStringTag](): string {
    return 'AbortSignal';
  }
}

export class AbortController {
  #signal = new AbortSignal(kCreate);
  get signal(): AbortSignal {
    return this.#signal;
  }
  abort(reason?: unknown): void {
    abortSignal(this.#signal, reason);
  }
  get [SymbolToStringTag](): string {
    return 'AbortController';
  }
}

nameClasses({ DOMException, Event, CustomEvent, EventTarget, AbortSignal, AbortController });
inspectAs(Event.prototype, 'Event', (e: Event) => ({ type: e.type, defaultPrevented: e.defaultPrevented, cancelable: e.cancelable, timeStamp: e.timeStamp }));
inspectAs(AbortSignal.prototype, 'AbortSignal', (s: AbortSignal) => ({ aborted: s.aborted }));
inspectAs(AbortController.prototype, 'AbortController', (c: AbortController) => ({ signal: c.signal }));

// The renderer's typed client, derived from THE contract: one method per call name, each a
// `POST /api/<name>` with the engine token, answering `CallOutput<N>` or throwing a
// `LabClientError`. Push events arrive over one shared WebSocket that reconnects by itself.
import {
  CALL_NAMES, EVENTS_PATH, LabErrorShape, PushEvent, TOKEN_HEADER, callPath,
  type CallInput, type CallName, type CallOutput, type ErrorCode, type LabClientApi,
} from '../../sandbox/api/index.ts';

/** The engine's error codes, plus what can go wrong before the engine answers. */
export type ClientErrorCode = ErrorCode | 'network' | 'bad-response';

/** A failed call: `code` and `message` as the engine sent them (or `network` / `bad-response`). */
export class LabClientError extends Error {
  override readonly name = 'LabClientError';
  readonly code: ClientErrorCode;
  readonly call: CallName;
  readonly details: unknown;
  /** HTTP status, when the engine answered at all. */
  readonly status: number | undefined;

  constructor(call: CallName, code: ClientErrorCode, message: string, options: { status?: number; details?: unknown; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.call = call;
    this.code = code;
    this.status = options.status;
    this.details = options.details;
  }
}

/** The message to show a person for any error a call may throw. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface LabClientOptions {
  /** Defaults to the global `fetch`. */
  fetch?: typeof fetch;
  /** Sees every failed call before it is thrown (e.g. to notice a stale token). */
  onError?: (error: LabClientError) => void;
}

/** Builds one method per entry of `CALL_NAMES`, so a new call in the contract appears here by itself. */
export function createLabClient(baseUrl: string, token: string, options: LabClientOptions = {}): LabClientApi {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);

  async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
    try {
      return await send(name, input);
    } catch (e) {
      if (e instanceof LabClientError) options.onError?.(e);
      throw e;
    }
  }

  async function send<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
    const url = new URL(callPath(name), baseUrl);
    const unreachable = (cause: unknown): LabClientError =>
      new LabClientError(
        name,
        'network',
        `Could not reach the Lambda Lab engine at ${url.origin} (${name}): ${errorMessage(cause)}. Is \`lambda-lab serve\` (or the desktop app) still running?`,
        { cause },
      );

    let response: Response;
    let text: string;
    try {
      response = await fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(input),
        cache: 'no-store',
      });
      text = await response.text();
    } catch (cause) {
      throw unreachable(cause);
    }

    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new LabClientError(name, 'bad-response', `The engine answered ${name} with HTTP ${response.status} and a body that is not JSON`, { status: response.status });
    }
    if (isRecord(body) && body['ok'] === true && 'result' in body) {
      // The engine produced it from the same contract: CallOutput<N> by construction.
      return body['result'] as CallOutput<N>;
    }
    if (isRecord(body) && body['ok'] === false) {
      const shape = LabErrorShape.safeParse(body['error']);
      if (shape.success) {
        throw new LabClientError(name, shape.data.code, shape.data.message, { status: response.status, details: shape.data.details });
      }
    }
    throw new LabClientError(name, 'bad-response', `The engine answered ${name} with HTTP ${response.status} in an unexpected shape`, { status: response.status });
  }

  const methods = Object.fromEntries(
    CALL_NAMES.map((name) => [name, (input: CallInput<typeof name>) => call(name, input)]),
  );
  // One method per CallName, each typed by `call`; TypeScript cannot follow Object.fromEntries.
  return methods as LabClientApi;
}

// ---------------------------------------------------------------------------------------------
// Push events

export type PushListener = (event: PushEvent) => void;
export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting';
export type StatusListener = (status: ConnectionStatus) => void;

export interface LabEvents {
  /** Adds a listener; the socket opens with the first one and closes after the last leaves. */
  subscribe(listener: PushListener): () => void;
  /** Follows the connection; called at once with the current status. */
  subscribeStatus(listener: StatusListener): () => void;
}

export interface LabEventsOptions {
  /** Delay before the first reconnect; doubles on each failure up to `maxDelayMs`. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  WebSocket?: typeof WebSocket;
}

export function eventsUrl(baseUrl: string, token: string): string {
  const url = new URL(EVENTS_PATH, baseUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('token', token);
  return url.toString();
}

/** One WebSocket for the whole page, shared by every subscriber, reconnecting with backoff. */
export function createLabEvents(baseUrl: string, token: string, options: LabEventsOptions = {}): LabEvents {
  const initialDelay = options.initialDelayMs ?? 500;
  const maxDelay = options.maxDelayMs ?? 10_000;
  const Socket = options.WebSocket ?? globalThis.WebSocket;
  const url = eventsUrl(baseUrl, token);

  const listeners = new Set<PushListener>();
  const statusListeners = new Set<StatusListener>();
  let socket: WebSocket | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let status: ConnectionStatus = 'connecting';

  const setStatus = (next: ConnectionStatus): void => {
    if (next === status) return;
    status = next;
    for (const l of [...statusListeners]) l(next);
  };

  const onMessage = (message: MessageEvent): void => {
    if (typeof message.data !== 'string') return;
    let raw: unknown;
    try {
      raw = JSON.parse(message.data);
    } catch {
      return;
    }
    const parsed = PushEvent.safeParse(raw);
    if (!parsed.success) return;
    for (const l of [...listeners]) {
      try {
        l(parsed.data);
      } catch (e) {
        console.error('Lambda Lab: a push event listener failed', e);
      }
    }
  };

  const connect = (): void => {
    retryTimer = undefined;
    const ws = new Socket(url);
    socket = ws;
    ws.addEventListener('open', () => {
      if (socket !== ws) return;
      failures = 0;
      setStatus('open');
    });
    ws.addEventListener('message', onMessage);
    ws.addEventListener('close', () => {
      if (socket !== ws) return; // closed on purpose
      socket = undefined;
      setStatus('reconnecting');
      const delay = Math.min(maxDelay, initialDelay * 2 ** failures);
      failures += 1;
      retryTimer = setTimeout(connect, delay);
    });
    // 'error' is always followed by 'close', which schedules the retry.
  };

  const disconnect = (): void => {
    if (retryTimer !== undefined) clearTimeout(retryTimer);
    retryTimer = undefined;
    const ws = socket;
    socket = undefined;
    ws?.close();
    failures = 0;
    setStatus('connecting');
  };

  const ensureConnected = (): void => {
    if (socket === undefined && retryTimer === undefined) connect();
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      ensureConnected();
      return () => {
        listeners.delete(listener);
        // Deferred, so an unsubscribe followed at once by a subscribe (React re-running an
        // effect) keeps the socket instead of closing it half-open.
        if (listeners.size === 0) {
          setTimeout(() => {
            if (listeners.size === 0) disconnect();
          }, 0);
        }
      };
    },
    subscribeStatus(listener) {
      statusListeners.add(listener);
      listener(status);
      return () => {
        statusListeners.delete(listener);
      };
    },
  };
}

/** Everything the UI needs to talk to the engine. */
export interface LabConnection {
  api: LabClientApi;
  events: LabEvents;
}

export function connectToLab(baseUrl: string, token: string, options: LabClientOptions = {}): LabConnection {
  return { api: createLabClient(baseUrl, token, options), events: createLabEvents(baseUrl, token) };
}

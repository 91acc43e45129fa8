// The engine host: serves the contract over HTTP (POST /api/<call>) and push events over a
// WebSocket, plus the built UI, on 127.0.0.1 only. Every API request needs the per-start
// token; the Host header is checked so other web pages cannot reach the lab by DNS rebinding.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  type CallName, EVENTS_PATH, LabError, type LabErrorShape, SYNC_PAYLOAD_BYTES, TOKEN_HEADER, ZIP_UPLOAD_BYTES, contract, isCallName,
} from '../api/index.ts';
import type { Lab } from '../lab.ts';
import { timingSafeEqual } from 'node:crypto';

export interface ServerOptions {
  lab: Lab;
  token: string;
  /** 0 picks a free port. */
  port: number;
  /** The built UI; when missing, `/` explains how to build it. */
  staticDir: string;
}

export interface RunningServer {
  port: number;
  url: string;
  close(): Promise<void>;
}

/** Largest request body: a 6 MB event plus the JSON around it. */
const MAX_BODY_BYTES = SYNC_PAYLOAD_BYTES + 64 * 1024;
/** Calls that carry a whole function: a 50 MB zip (Lambda's upload limit) as base64, plus JSON. */
const LARGE_BODY_CALLS: Partial<Record<CallName, number>> = {
  'functions:import': Math.ceil((ZIP_UPLOAD_BYTES * 4) / 3) + 64 * 1024,
};

function bodyLimitMessage(name: CallName): string {
  return name === 'functions:import'
    ? `The upload is larger than Lambda's ${ZIP_UPLOAD_BYTES / 1024 / 1024} MB limit for a zipped function`
    : `Request must be smaller than ${SYNC_PAYLOAD_BYTES} bytes for the InvokeFunction operation`;
}

const STATUS: Record<LabErrorShape['code'], number> = {
  'bad-request': 400,
  unauthorized: 401,
  'not-found': 404,
  conflict: 409,
  'payload-too-large': 413,
  internal: 500,
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

function contentSecurityPolicy(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Monaco injects <style> elements at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

function tokenMatches(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { lab, token } = options;
  let port = 0;
  const allowedHosts = (): Set<string> => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const sendJson = (res: ServerResponse, status: number, body: unknown): void => {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.end(text);
  };
  const sendError = (res: ServerResponse, error: LabError): void => {
    sendJson(res, STATUS[error.code], { ok: false, error: error.toShape() });
  };

  const readBody = (req: IncomingMessage, name: CallName): Promise<string> =>
    new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let tooLarge = false;
      req.on('data', (c: Buffer) => {
        if (tooLarge) return; // keep draining so the client can read our answer
        size += c.length;
        if (size > (LARGE_BODY_CALLS[name] ?? MAX_BODY_BYTES)) {
          tooLarge = true;
          chunks.length = 0;
          reject(new LabError('payload-too-large', bodyLimitMessage(name)));
          return;
        }
        chunks.push(c);
      });
      req.on('end', () => {
        if (!tooLarge) resolve(Buffer.concat(chunks).toString('utf8'));
      });
      req.on('error', reject);
    });

  const handleCall = async (name: CallName, req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    const given = req.headers[TOKEN_HEADER];
    if (!tokenMatches(typeof given === 'string' ? given : undefined, token)) {
      sendError(res, new LabError('unauthorized', 'Missing or wrong engine token'));
      return;
    }
    let raw: string;
    try {
      raw = await readBody(req, name);
    } catch (e) {
      sendError(res, e instanceof LabError ? e : new LabError('bad-request', `Could not read the request: ${(e as Error).message}`));
      return;
    }
    let body: unknown;
    try {
      body = raw === '' ? {} : JSON.parse(raw);
    } catch (e) {
      sendError(res, new LabError('bad-request', `The request body is not valid JSON: ${(e as Error).message}`));
      return;
    }
    const parsed = contract[name].input.safeParse(body);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      const first = issues[0];
      sendError(res, new LabError('bad-request', first === undefined ? `Invalid input for ${name}` : `Invalid input for ${name}: ${first.path === '' ? '' : `${first.path}: `}${first.message}`, issues));
      return;
    }
    try {
      const call = lab.api[name] as (input: unknown) => Promise<unknown>;
      const result = await call(parsed.data);
      sendJson(res, 200, { ok: true, result });
    } catch (e) {
      if (e instanceof LabError) sendError(res, e);
      else {
        process.stderr.write(`lambda-lab: ${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
        sendError(res, new LabError('internal', `Lambda Lab failed while handling ${name}: ${e instanceof Error ? e.message : String(e)}`));
      }
    }
  };

  const serveStatic = (urlPath: string, res: ServerResponse): void => {
    const headers = {
      'content-security-policy': contentSecurityPolicy(port),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
    };
    if (!existsSync(join(options.staticDir, 'index.html'))) {
      res.writeHead(503, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
      res.end('The Lambda Lab UI has not been built yet. Run `npm run build`, then reload this page.\n');
      return;
    }
    let rel: string;
    try {
      rel = decodeURIComponent(urlPath);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const target = normalize(join(options.staticDir, rel === '/' ? 'index.html' : rel));
    if (!target.startsWith(normalize(options.staticDir) + sep)) {
      res.writeHead(403).end();
      return;
    }
    const file = existsSync(target) && statSync(target).isFile() ? target : join(options.staticDir, 'index.html');
    const type = MIME[extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, {
      ...headers,
      'content-type': type,
      'cache-control': file.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
    });
    createReadStream(file).pipe(res);
  };

  const server: Server = createServer((req, res) => {
    const host = req.headers.host ?? '';
    if (!allowedHosts().has(host)) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end('Lambda Lab only answers requests addressed to 127.0.0.1 or localhost.\n');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname.startsWith('/api/')) {
      const name = url.pathname.slice('/api/'.length);
      if (!isCallName(name)) {
        sendError(res, new LabError('not-found', `No such call: ${name}`));
        return;
      }
      void handleCall(name, req, res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    serveStatic(url.pathname, res);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const sockets = new Set<WebSocket>();
  server.on('upgrade', (req, socket, head) => {
    const host = req.headers.host ?? '';
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (!allowedHosts().has(host) || url.pathname !== EVENTS_PATH || !tokenMatches(url.searchParams.get('token') ?? undefined, token)) {
      socket.write('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('error', () => sockets.delete(ws));
    });
  });
  const unsubscribe = lab.subscribe((event) => {
    const text = JSON.stringify(event);
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(text);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}/`,
    async close() {
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

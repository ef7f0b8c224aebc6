import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { contentSecurityPolicy } from '../app/csp';
import type { Backend } from '../app/backend';
import type { EventPayload } from '../contract';
import { clientFrame, type ServerFrame } from '../contract/wire';
import { createGuard, type Guard } from './request-guard';
import { readStaticFile } from './static-files';
import { sendTerminalOutput } from './terminal-frame';

export interface WebHostOptions {
  port: number;
  rendererDir: string;
  backend: Backend;
  /** Fixed token for tests; a random one per run otherwise. */
  token?: string;
  /**
   * Benchmarks only (`BERTH_WEB_HOST_DEBUG=1`): GET /debug/memory?token=... answers this process's
   * memory after a full GC (with Node's --expose-gc), so a bench can tell live state from garbage.
   */
  debugRoutes?: boolean;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_FRAME_BYTES = 1024 * 1024;

/**
 * Serves the built renderer and the contract over WebSocket from plain Node, bound to 127.0.0.1.
 * The same backend services as the desktop app stand behind it.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const guard: Guard = createGuard(port, token);
  // Cookies are shared by every port of 127.0.0.1: name ours after the port.
  const cookieName = `berth-token-${port}`;
  const cookieToken = (req: IncomingMessage): string | undefined => {
    for (const part of (req.headers.cookie ?? '').split(';')) {
      const [name, ...value] = part.trim().split('=');
      if (name === cookieName) return value.join('=');
    }
    return undefined;
  };
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    void serveHttp(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  async function serveHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!guard.hostAllowed(req.headers.host)) return deny(res, 421, 'This server only answers to 127.0.0.1.');
    if (req.method !== 'GET' && req.method !== 'HEAD') return deny(res, 405, 'Method not allowed.');
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (options.debugRoutes && url.pathname === '/debug/memory') {
      if (!guard.tokenMatches(url.searchParams.get('token'))) return deny(res, 403, 'Wrong or missing token.');
      return sendMemory(res, options.backend.hub.size);
    }
    const isPage = url.pathname === '/' || url.pathname === '/index.html';
    if (isPage && !guard.tokenMatches(url.searchParams.get('token')) && !guard.tokenMatches(cookieToken(req))) {
      return deny(res, 403, 'Wrong or missing token. Open the URL that `npm run web` printed (it contains ?token=...).');
    }
    const file = await readStaticFile(options.rendererDir, isPage ? '/index.html' : url.pathname);
    if (!file) return deny(res, 404, 'Not found.');
    res.writeHead(200, {
      ...(isPage ? { 'Set-Cookie': `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/` } : {}),
      'Content-Type': file.contentType,
      'Content-Security-Policy': contentSecurityPolicy([`ws://${req.headers.host}`]),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': isPage ? 'no-store' : file.cacheControl,
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const allowed =
      guard.hostAllowed(req.headers.host) &&
      guard.originAllowed(req.headers.origin) &&
      url.pathname === '/api' &&
      (guard.tokenMatches(url.searchParams.get('token')) || guard.tokenMatches(cookieToken(req)));
    if (!allowed) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws));
  });

  function serveSocket(ws: WebSocket): void {
    const send = (frame: ServerFrame) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
    };
    const { client, close } = options.backend.hub.connect((event, payload) => {
      // Terminal output is bytes: a binary message of its own (see terminal-frame.ts).
      if (event === 'terminal.output') {
        if (ws.readyState === ws.OPEN) sendTerminalOutput(ws, payload as EventPayload<'terminal.output'>);
      } else send({ type: 'event', event, payload });
    });
    ws.on('close', close);
    ws.on('error', close);
    ws.on('message', (data) => {
      let frame;
      try {
        frame = clientFrame.parse(JSON.parse(data.toString()));
      } catch {
        ws.close(1008, 'malformed frame');
        return;
      }
      void options.backend.router
        .dispatch(frame.channel, frame.payload, { client })
        .then((envelope) => send({ type: 'result', id: frame.id, envelope }));
    });
  }

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    async close() {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Memory after a full collection (when Node runs with --expose-gc), and how many pages are connected. */
function sendMemory(res: ServerResponse, clients: number): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const m = process.memoryUsage();
  const mb = (n: number) => Math.round(n / 2 ** 20);
  const body = JSON.stringify({ collected: Boolean(gc), rssMB: mb(m.rss), heapUsedMB: mb(m.heapUsed), heapTotalMB: mb(m.heapTotal), externalMB: mb(m.external), clients });
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(body);
}

function deny(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(`Berth: ${message}\n`);
}

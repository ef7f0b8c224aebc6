import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { ApiError, notFound, unauthorized } from '../errors';
import { serveAdmin } from './admin';
import type { ApiContext } from './context';
import { apiGroup, apiGroupList, apiResourceList, apiVersions, healthText, KUBERNETES_VERSION } from './discovery';
import { execParams, handleExecUpgrade } from './exec';
import { openApiV2Json, openApiV2Protobuf } from './openapi';
import { serveResource } from './resources';
import { sendError, sendJson } from './respond';
import { parseRoute } from './route';

// The HTTPS front door: bearer-token authentication, injected faults, then routing to
// discovery, resources, the exec upgrade and the admin API.

function authorized(ctx: ApiContext, req: IncomingMessage): boolean {
  // Anonymous auth applies to requests with no credentials at all; a wrong token is still refused.
  if (ctx.anonymous && req.headers.authorization === undefined) return true;
  const h = req.headers.authorization ?? '';
  const m = /^Bearer\s+(.+)$/i.exec(h);
  if (!m) return false;
  const a = Buffer.from(m[1]!.trim());
  const b = Buffer.from(ctx.token);
  return a.length === b.length && timingSafeEqual(a, b);
}

// metrics.k8s.io is an aggregated API: it exists only while metrics-server runs (a fresh
// microk8s has none until `microk8s enable metrics-server`), so `kubectl top` fails as there.
function groupServed(ctx: ApiContext, group: string): boolean {
  if (group === 'rbac.authorization.k8s.io') return ctx.rbac === true;
  if (group !== 'metrics.k8s.io') return true;
  return ctx.store.get('apps/deployments', 'kube-system', 'metrics-server') !== undefined;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function handle(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, serverAddress: string): Promise<void> {
  const url = new URL(req.url ?? '/', 'https://sim');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const q = url.searchParams;
  // Health endpoints answer anonymous clients, as the real API server's do.
  if (path === '/readyz' || path === '/livez' || path === '/healthz') {
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(healthText(path.slice(1) as 'readyz', q.has('verbose')));
    return;
  }
  if (!authorized(ctx, req)) throw unauthorized();
  if (path.startsWith('/simulator/')) return serveAdmin(ctx, req, res, path);

  const injected = ctx.faults.nextError();
  if (ctx.faults.settings.latencyMs > 0) await sleep(ctx.faults.settings.latencyMs);
  if (injected) {
    const headers: Record<string, string> = injected.retryAfterSeconds !== undefined ? { 'Retry-After': String(injected.retryAfterSeconds) } : {};
    const err =
      injected.code === 429
        ? new ApiError(429, 'TooManyRequests', 'Too many requests, please try again later.', { retryAfterSeconds: injected.retryAfterSeconds })
        : injected.code === 503
          ? new ApiError(503, 'ServiceUnavailable', 'the server is currently unable to handle the request', { retryAfterSeconds: injected.retryAfterSeconds })
          : new ApiError(500, 'InternalError', 'Internal error occurred: injected fault');
    return sendError(res, err, headers);
  }

  if (path === '/version') return sendJson(res, 200, ctx.version ?? KUBERNETES_VERSION);
  if (path === '/api') return sendJson(res, 200, apiVersions(serverAddress));
  if (path === '/apis') return sendJson(res, 200, apiGroupList((g) => groupServed(ctx, g)));
  if (path === '/openapi/v2') {
    if ((req.headers.accept ?? '').includes('protobuf')) {
      const body = openApiV2Protobuf();
      res.writeHead(200, { 'Content-Type': 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf', 'Content-Length': body.length });
      res.end(body);
      return;
    }
    return sendJson(res, 200, openApiV2Json());
  }
  if (path.startsWith('/openapi/')) throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');

  const r = parseRoute(path);
  const group = r.kind === 'resource' ? r.route.type.group : r.kind === 'group' || r.kind === 'groupVersion' ? r.group : '';
  if (!groupServed(ctx, group)) throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
  switch (r.kind) {
    case 'groupVersion': {
      const doc = apiResourceList(r.group, r.version);
      if (!doc) throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
      return sendJson(res, 200, doc);
    }
    case 'group': {
      const doc = apiGroup(r.group);
      if (!doc) throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
      return sendJson(res, 200, doc);
    }
    case 'resource':
      return serveResource(ctx, req, res, r.route, q);
    case 'unknownResource':
      throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
    default:
      throw notFound('', '', path);
  }
}

export interface ApiServer {
  server: Server;
  /** Destroys every open connection (watches included). */
  dropConnections(): void;
}

export function createApiServer(ctx: ApiContext, tls: { key: string; cert: string }, serverAddress: () => string): ApiServer {
  const sockets = new Set<Socket | Duplex>();
  const server = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    handle(ctx, req, res, serverAddress()).catch((e: unknown) => {
      if (!res.headersSent) sendError(res, e);
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 60_000;
  server.on('secureConnection', (s: Socket) => {
    // Small writes (watch events, the tail of a list) must not wait for Nagle's algorithm.
    s.setNoDelay(true);
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const url = new URL(req.url ?? '/', 'https://sim');
    const r = parseRoute(url.pathname);
    const fail = (e: ApiError): void => {
      const body = JSON.stringify(e.toStatus());
      socket.end(`HTTP/1.1 ${e.code} Error\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    };
    if (!authorized(ctx, req)) return fail(unauthorized());
    if (r.kind !== 'resource' || r.route.type.kind !== 'Pod' || !r.route.name || (r.route.subresource !== 'exec' && r.route.subresource !== 'attach')) {
      return fail(new ApiError(400, 'BadRequest', 'upgrade is only supported for pods/exec and pods/attach'));
    }
    const params = execParams(r.route.namespace ?? 'default', r.route.name, url.searchParams);
    if (r.route.subresource === 'attach') params.command = ['sh'];
    handleExecUpgrade(ctx, req, socket, head, params);
  });
  return {
    server,
    dropConnections() {
      for (const s of sockets) s.destroy();
      sockets.clear();
    },
  };
}

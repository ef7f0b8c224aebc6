import http from 'node:http';
import https from 'node:https';
import { StringDecoder } from 'node:string_decoder';
import type { KubeConfig } from '@kubernetes/client-node';
import { errorFromNetwork, errorFromResponse, KubeApiError } from './kube-errors';

// A thin HTTP client for the Kubernetes API. client-node's KubeConfig prepares the credentials
// (client certificates, bearer tokens, exec plugins, insecure-skip-tls-verify, proxy-url), and we
// do the requests ourselves: raw JSON.parse of list pages (the generated client's model
// conversion is too slow at 150k pods), line-by-line watch streams, status codes and Retry-After
// headers we can act on. Credentials stay in this module's closure and never appear in errors.

export type Query = Record<string, string | number | boolean | undefined>;

export interface KubeRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Query;
  body?: unknown;
  contentType?: string;
  /** No bytes for this long: give up (ms). */
  idleTimeoutMs?: number;
  signal?: AbortSignal;
  /** stream(): pass blank lines on (a log's empty lines are content; a watch's are keep-alives). */
  keepBlankLines?: boolean;
}

export interface WatchStream {
  /** Resolves when the server ends the stream; rejects on a network error or a non-2xx answer. */
  done: Promise<void>;
  abort(): void;
  /**
   * Stops reading until resume(): what the server sends meanwhile waits in the socket (TCP flow
   * control), not as parsed objects in memory. A reader that falls behind (a watch replaying the
   * events made during a long list) uses it to keep its backlog bounded.
   */
  pause?(): void;
  resume?(): void;
}

export interface KubeTransport {
  readonly server: string;
  request<T>(req: KubeRequest): Promise<T>;
  /** Raw text answer (for /readyz?verbose and friends). */
  text(req: KubeRequest): Promise<{ status: number; body: string }>;
  /** Opens a watch-like stream; each complete line goes to onLine; onOpen runs once the server accepts it (2xx). */
  stream(req: KubeRequest, onLine: (line: string) => void, onOpen?: () => void): WatchStream;
  close(): void;
}

interface AuthMaterial {
  agent: http.Agent;
  headers: Record<string, string>;
  at: number;
}

/** Exec plugin tokens and files may change: re-read them this often, and at once after a 401. */
const AUTH_REFRESH_MS = 5 * 60_000;
const DEFAULT_IDLE_TIMEOUT_MS = 60_000;

export function buildPath(path: string, query: Query | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export function createKubeTransport(config: KubeConfig): KubeTransport {
  const cluster = config.getCurrentCluster();
  if (!cluster) throw new KubeApiError('credentials', 'The selected context has no cluster.', undefined, undefined, 'Fix the context in the kubeconfig.');
  const base = new URL(cluster.server);
  const isHttp = base.protocol === 'http:';
  const basePath = base.pathname.replace(/\/$/, '');
  const agents: http.Agent[] = [];

  const prepare = async (): Promise<AuthMaterial> => {
    const opts: https.RequestOptions = {};
    await config.applyToHTTPSOptions(opts);
    let agent: http.Agent;
    if (cluster.proxyUrl) {
      agent = opts.agent as http.Agent; // client-node builds the proxy agent (http, https or socks)
    } else if (isHttp) {
      agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
    } else {
      // Our own agent so connections are kept alive across list pages; same TLS material.
      agent = new https.Agent({
        keepAlive: true,
        maxSockets: 16,
        ca: opts.ca,
        cert: opts.cert,
        key: opts.key,
        ...(opts.rejectUnauthorized !== undefined ? { rejectUnauthorized: opts.rejectUnauthorized } : {}),
        ...(cluster.skipTLSVerify ? { rejectUnauthorized: false } : {}),
        ...(cluster.tlsServerName ? { servername: cluster.tlsServerName } : {}),
      });
    }
    agents.push(agent);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(opts.headers ?? {})) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : String(v);
    if (opts.auth) headers.Authorization = `Basic ${Buffer.from(opts.auth).toString('base64')}`;
    return { agent, headers, at: Date.now() };
  };

  let current: AuthMaterial | undefined;
  let pending: Promise<AuthMaterial> | undefined;
  const auth = async (refresh = false): Promise<AuthMaterial> => {
    if (!refresh && current && Date.now() - current.at < AUTH_REFRESH_MS) return current;
    pending ??= prepare()
      .then((m) => {
        if (current) retire(current.agent);
        current = m;
        return m;
      })
      .finally(() => {
        pending = undefined;
      });
    try {
      return await pending;
    } catch (error) {
      throw errorFromNetwork(error, safeOrigin);
    }
  };

  const retire = (agent: http.Agent) => {
    // Idle sockets can go; a watch still using one ends within its timeoutSeconds.
    setTimeout(() => agent.destroy(), 6 * 60_000).unref();
  };

  const safeOrigin = `${base.protocol}//${base.host}`;

  const send = (m: AuthMaterial, req: KubeRequest): http.ClientRequest => {
    const body = req.body === undefined ? undefined : JSON.stringify(req.body);
    const headers: Record<string, string> = { Accept: 'application/json', ...m.headers };
    if (body !== undefined) {
      headers['Content-Type'] = req.contentType ?? 'application/json';
      headers['Content-Length'] = String(Buffer.byteLength(body));
    }
    const options: http.RequestOptions = {
      protocol: base.protocol,
      hostname: base.hostname.replace(/^\[|\]$/g, ''),
      port: base.port || (isHttp ? 80 : 443),
      method: req.method ?? 'GET',
      path: basePath + buildPath(req.path, req.query),
      headers,
      agent: m.agent,
    };
    const request = (isHttp ? http : https).request(options);
    request.setTimeout(req.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS, () => request.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
    const signal = req.signal;
    if (signal) {
      const onAbort = () => request.destroy(Object.assign(new Error('aborted'), { code: 'ECONNABORTED' }));
      if (signal.aborted) onAbort();
      else {
        // The signal outlives many requests (an informer's lifetime): don't pile up listeners.
        signal.addEventListener('abort', onAbort, { once: true });
        request.once('close', () => signal.removeEventListener('abort', onAbort));
      }
    }
    if (body !== undefined) request.write(body);
    request.end();
    return request;
  };

  /** One round trip; on 401 re-reads the credentials once (a rotated token or expired exec credential). */
  const roundTrip = async (req: KubeRequest): Promise<{ status: number; body: string }> => {
    for (let attempt = 0; ; attempt++) {
      const m = await auth(attempt > 0);
      const result = await new Promise<{ status: number; body: string; retryAfter: string | undefined }>((resolve, reject) => {
        const request = send(m, req);
        request.on('error', (error) => reject(errorFromNetwork(error, safeOrigin)));
        request.on('response', (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', (error) => reject(errorFromNetwork(error, safeOrigin)));
          res.on('end', () => {
            const retryAfter = res.headers['retry-after'];
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter });
          });
        });
      });
      if (result.status === 401 && attempt === 0) continue;
      if (result.status >= 200 && result.status < 300) return result;
      throw errorFromResponse(result.status, result.body, result.retryAfter);
    }
  };

  return {
    server: safeOrigin,
    async request<T>(req: KubeRequest): Promise<T> {
      const { body } = await roundTrip(req);
      return (body ? JSON.parse(body) : {}) as T;
    },
    async text(req) {
      try {
        return await roundTrip({ ...req, idleTimeoutMs: req.idleTimeoutMs ?? 10_000 });
      } catch (error) {
        if (error instanceof KubeApiError && error.status !== undefined) return { status: error.status, body: error.message };
        throw error;
      }
    },
    stream(req, onLine, onOpen) {
      let request: http.ClientRequest | undefined;
      let response: http.IncomingMessage | undefined;
      let paused = false;
      let aborted = false;
      const done = (async () => {
        const m = await auth();
        if (aborted) return;
        await new Promise<void>((resolve, reject) => {
          request = send(m, req);
          request.on('error', (error) => (aborted ? resolve() : reject(errorFromNetwork(error, safeOrigin))));
          request.on('response', (res) => {
            const status = res.statusCode ?? 0;
            if (status < 200 || status >= 300) {
              const chunks: Buffer[] = [];
              res.on('data', (c: Buffer) => chunks.push(c));
              res.on('end', () => {
                if (status === 401) current = undefined;
                const retryAfter = res.headers['retry-after'];
                reject(errorFromResponse(status, Buffer.concat(chunks).toString('utf8'), Array.isArray(retryAfter) ? retryAfter[0] : retryAfter));
              });
              return;
            }
            onOpen?.();
            response = res;
            if (paused) res.pause();
            const decoder = new StringDecoder('utf8');
            let pending = '';
            res.on('data', (chunk: Buffer) => {
              pending += decoder.write(chunk);
              let nl = pending.indexOf('\n');
              while (nl >= 0) {
                const line = pending.slice(0, nl);
                pending = pending.slice(nl + 1);
                if (req.keepBlankLines || line.trim() !== '') onLine(line);
                nl = pending.indexOf('\n');
              }
            });
            res.on('end', () => {
              pending += decoder.end();
              if (req.keepBlankLines ? pending !== '' : pending.trim() !== '') onLine(pending);
              resolve();
            });
            res.on('error', (error) => (aborted ? resolve() : reject(errorFromNetwork(error, safeOrigin))));
            res.on('close', () => resolve());
          });
        });
      })();
      return {
        done,
        abort() {
          aborted = true;
          request?.destroy();
        },
        pause() {
          paused = true;
          response?.pause();
        },
        resume() {
          paused = false;
          response?.resume();
        },
      };
    },
    close() {
      for (const agent of agents.splice(0)) agent.destroy();
      current = undefined;
    },
  };
}

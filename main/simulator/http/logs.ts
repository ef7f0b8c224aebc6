import type { IncomingMessage, ServerResponse } from 'node:http';
import type { IPod } from 'kubernetes-models/v1/Pod';
import { badRequest } from '../errors';
import { floodOf, floodPlan, type FloodPlan } from '../kubelet/flood';
import type { LogRequest } from '../kubelet/logs';
import type { ApiContext } from './context';

const nanoNow = (): string => new Date().toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');

/** Sends a flooding container's output at the reader's pace: write until the socket is full, then wait for 'drain'. */
function pumpFlood(req: IncomingMessage, res: ServerResponse, plan: FloodPlan): void {
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private' });
  let left = plan.bytes ?? Infinity;
  let closed = false;
  req.on('close', () => (closed = true));
  const perChunk = Math.max(1, Math.floor(64 * 1024 / Buffer.byteLength(plan.unit)));
  const plain = plan.unit.repeat(perChunk);
  const pump = (): void => {
    while (!closed && left > 0) {
      let chunk = plan.timestamps ? Array.from({ length: perChunk }, () => `${nanoNow()} ${plan.unit}`).join('') : plain;
      if (Buffer.byteLength(chunk) > left) chunk = Buffer.from(chunk).subarray(0, left).toString('utf8');
      left -= Buffer.byteLength(chunk);
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!closed) res.end();
  };
  pump();
}

/** The container a log request names, when it is one that floods (see kubelet/flood.ts). */
function floodingContainer(ctx: ApiContext, lr: LogRequest): ReturnType<typeof floodOf> {
  if (lr.previous) return undefined;
  const pod = ctx.store.get<IPod>('pods', lr.namespace, lr.pod);
  const containers = [...(pod?.spec?.initContainers ?? []), ...(pod?.spec?.containers ?? [])];
  const name = lr.container ?? (pod?.spec?.containers.length === 1 ? pod.spec.containers[0]!.name : undefined);
  const running = [...(pod?.status?.initContainerStatuses ?? []), ...(pod?.status?.containerStatuses ?? [])].find((s) => s.name === name)?.state?.running;
  return running ? floodOf(containers.find((c) => c.name === name)) : undefined;
}

// GET .../pods/NAME/log: text/plain, chunked while following.
export function serveLogs(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, namespace: string, pod: string, q: URLSearchParams): void {
  const num = (k: string): number | undefined => (q.get(k) !== null && q.get(k) !== '' ? Number(q.get(k)) : undefined);
  const bool = (k: string): boolean => q.get(k) === 'true' || q.get(k) === '1';
  const lr: LogRequest = { namespace, pod, follow: bool('follow'), previous: bool('previous'), timestamps: bool('timestamps') };
  const container = q.get('container');
  if (container) lr.container = container;
  const tail = num('tailLines');
  if (tail !== undefined) lr.tailLines = tail;
  const since = num('sinceSeconds');
  const sinceTime = q.get('sinceTime');
  // The API server's validation of PodLogOptions (pkg/apis/core/validation).
  if (since !== undefined && sinceTime) throw badRequest('at most one of `sinceTime` or `sinceSeconds` may be specified');
  if (since !== undefined) {
    if (!(since >= 1)) throw badRequest('sinceSeconds: Invalid value: must be greater than 0');
    lr.sinceSeconds = since;
  }
  if (sinceTime) {
    const at = Date.parse(sinceTime);
    if (Number.isNaN(at)) throw badRequest(`parsing time "${sinceTime}" as "2006-01-02T15:04:05Z07:00": cannot parse "${sinceTime}" as "2006"`);
    lr.sinceTime = at;
  }
  const limit = num('limitBytes');
  if (limit !== undefined) lr.limitBytes = limit;
  const flood = floodingContainer(ctx, lr);
  if (flood) {
    const opts: Parameters<typeof floodPlan>[1] = { follow: lr.follow, timestamps: lr.timestamps };
    if (lr.tailLines !== undefined) opts.tailLines = lr.tailLines;
    if (lr.limitBytes !== undefined) opts.limitBytes = lr.limitBytes;
    pumpFlood(req, res, floodPlan(flood, opts));
    return;
  }
  let started = false;
  const start = (): void => {
    if (started) return;
    started = true;
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private' });
    res.flushHeaders();
  };
  // Errors (no such container, waiting to start) throw before anything is written.
  const stop = ctx.logs(
    lr,
    (chunk) => {
      start();
      res.write(chunk);
    },
    () => {
      start();
      res.end();
    },
  );
  // Headers go out at once so a follower with nothing to read yet is not left waiting.
  if (!res.writableEnded) start();
  req.on('close', stop);
}

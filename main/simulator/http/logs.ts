import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LogRequest } from '../kubelet/logs';
import type { ApiContext } from './context';

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
  if (since !== undefined) lr.sinceSeconds = since;
  const limit = num('limitBytes');
  if (limit !== undefined) lr.limitBytes = limit;
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

import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, expired } from '../errors';
import type { KObj } from '../objects';
import { apiVersionOf, storageKey } from '../resources';
import type { EventType } from '../store';
import { toTable, type IncludeObject } from '../table/table';
import type { ApiContext } from './context';
import type { ResourceRoute } from './route';
import { parseSelectors } from './selectors';
import { toView } from './views';
import type { WatchStart } from '../watch-hub';

// WATCH: a chunked stream of {"type": ..., "object": ...} lines.
// https://kubernetes.io/docs/reference/using-api/api-concepts/#efficient-detection-of-changes
// - no resourceVersion (or "0"): synthetic ADDED for every current object, then changes;
// - resourceVersion=N: the changes after N, or one ERROR event with a 410 Status when N is
//   older than the history;
// - allowWatchBookmarks: periodic BOOKMARK events carrying only the newest resourceVersion;
// - sendInitialEvents=true: the initial ADDED events end with a BOOKMARK annotated
//   k8s.io/initial-events-end (the streaming-list protocol);
// - timeoutSeconds: the server ends the stream; without it, after 30-60 minutes as the real one.

type WatchEventType = EventType | 'BOOKMARK' | 'ERROR';

export function serveWatch(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, route: ResourceRoute, q: URLSearchParams, table: IncludeObject | undefined): void {
  const rt = route.type;
  const key = storageKey(rt);
  const { filter: selectorFilter } = parseSelectors(rt, q.get('labelSelector'), q.get('fieldSelector'));
  const ns = route.namespace;
  const filter = (o: KObj): boolean => (!ns || o.metadata.namespace === ns) && (!route.name || o.metadata.name === route.name) && selectorFilter(o);
  const rvParam = q.get('resourceVersion') ?? '';
  const bookmarks = q.get('allowWatchBookmarks') === 'true';
  const initialEvents = q.get('sendInitialEvents') === 'true';
  const timeoutSeconds = Number(q.get('timeoutSeconds') ?? 0) || 1800 + Math.floor(Math.random() * 1800);

  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private' });
  res.flushHeaders();

  let firstTable = true;
  let closed = false;
  const held: string[] = [];
  const write = (line: string): void => {
    if (closed) return;
    if (ctx.faults.settings.stallWatches) held.push(line);
    else res.write(line);
  };
  const send = (type: WatchEventType, obj: unknown): void => {
    let object = obj;
    if (table && (type === 'ADDED' || type === 'MODIFIED' || type === 'DELETED')) {
      object = toTable(apiVersionOf(rt), rt.kind, [obj as KObj], { includeObject: table, noHeaders: !firstTable });
      firstTable = false;
    }
    write(`${JSON.stringify({ type, object })}\n`);
  };
  const bookmark = (annotations?: Record<string, string>, rv = ctx.store.resourceVersion()): void => {
    const metadata: Record<string, unknown> = { resourceVersion: rv };
    if (annotations) metadata.annotations = annotations;
    send('BOOKMARK', { kind: rt.kind, apiVersion: apiVersionOf(rt), metadata });
  };

  const timers: NodeJS.Timeout[] = [];
  let stop: (() => void) | undefined;
  const offStall = ctx.faults.onStallChange((stalled) => {
    if (!stalled && !closed) while (held.length) res.write(held.shift()!);
  });
  // Turning the drop knob on also drops the watches already open, after that long.
  let dropTimer: NodeJS.Timeout | undefined;
  const offChange = ctx.faults.onChange((s) => {
    if (dropTimer) clearTimeout(dropTimer);
    dropTimer = s.dropWatchesAfterMs > 0 ? setTimeout(() => finish(true), s.dropWatchesAfterMs) : undefined;
  });
  const finish = (abrupt: boolean): void => {
    if (closed) return;
    closed = true;
    stop?.();
    offStall();
    offChange();
    if (dropTimer) clearTimeout(dropTimer);
    for (const t of timers) clearTimeout(t);
    if (abrupt) res.destroy();
    else res.end();
  };
  req.on('close', () => finish(false));
  res.on('close', () => finish(false));

  const errorEvent = (e: ApiError): void => {
    send('ERROR', e.toStatus());
    finish(false);
  };

  let fromRv: number | undefined;
  // While a backlog is going out, a bookmark with the newest resourceVersion would pass events
  // still queued: periodic bookmarks wait until the watch has caught up.
  let caughtUp = false;
  const start: WatchStart = { caughtUp: () => void (caughtUp = true) };
  const resume = rvParam !== '' && rvParam !== '0' && !initialEvents;
  if (resume) {
    fromRv = Number(rvParam);
    if (!Number.isFinite(fromRv)) return errorEvent(new ApiError(400, 'BadRequest', `invalid resource version: ${rvParam}`));
    if (ctx.faults.settings.watchExpired) return errorEvent(expired(`too old resource version: ${fromRv} (${ctx.store.currentRv()})`));
  } else {
    // The current objects, taken now, go out as ADDED ahead of later changes; the hub sends
    // them in slices so a 150,000-pod list does not hold other clients up.
    start.initial = [...ctx.store.list(key, ns)];
    // The end-of-list bookmark carries the list's resourceVersion, not a later one.
    const listRv = ctx.store.resourceVersion();
    if (initialEvents && bookmarks) start.afterInitial = () => bookmark({ 'k8s.io/initial-events-end': 'true' }, listRv);
  }
  try {
    stop = ctx.hub.watch(key, fromRv, filter, (type, o) => send(type, toView(rt, o)), start);
  } catch (e) {
    if (e instanceof ApiError) return errorEvent(e);
    throw e;
  }

  timers.push(setTimeout(() => finish(false), timeoutSeconds * 1000));
  if (bookmarks) {
    const tick = (): void => {
      if (caughtUp) bookmark();
      timers.push(setTimeout(tick, ctx.bookmarkIntervalMs));
    };
    timers.push(setTimeout(tick, ctx.bookmarkIntervalMs));
  }
  const drop = ctx.faults.settings.dropWatchesAfterMs;
  if (drop > 0) timers.push(setTimeout(() => finish(true), drop));
}

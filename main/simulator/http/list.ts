import type { ServerResponse } from 'node:http';
import { badRequest, expired } from '../errors';
import type { KObj } from '../objects';
import { apiVersionOf, storageKey, type ResourceType } from '../resources';
import { toTable, type IncludeObject } from '../table/table';
import type { ApiContext } from './context';
import type { ResourceRoute } from './route';
import { parseSelectors } from './selectors';
import { toView } from './views';

// LIST with the API server's chunking: `limit` + opaque `continue` tokens that resume in key
// order and expire (410) once the resourceVersion they were issued at has been compacted.
// https://kubernetes.io/docs/reference/using-api/api-concepts/#retrieving-large-results-sets-in-chunks

interface ContinueToken {
  v: 'meta.k8s.io/v1';
  rv: number;
  start: string;
}

export const EXPIRED_CONTINUE_MESSAGE =
  'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.';

function decodeContinue(token: string): ContinueToken {
  try {
    const t = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as ContinueToken;
    if (t.v !== 'meta.k8s.io/v1' || typeof t.rv !== 'number' || typeof t.start !== 'string') throw new Error('bad');
    return t;
  } catch {
    throw badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
  }
}

const encodeContinue = (t: ContinueToken): string => Buffer.from(JSON.stringify(t)).toString('base64');

export interface ListResult {
  items: KObj[];
  resourceVersion: string;
  continueToken?: string;
  remainingItemCount?: number;
}

/** Runs a list query against the store (or a computed resource). */
export function listObjects(ctx: ApiContext, route: ResourceRoute, q: URLSearchParams): ListResult {
  const rt = route.type;
  const { filter, selective } = parseSelectors(rt, q.get('labelSelector'), q.get('fieldSelector'));
  const limit = Math.max(0, Number(q.get('limit') ?? 0) || 0);
  const key = storageKey(rt);

  if (rt.virtual) {
    const items = ctx.virtualList(rt, route.namespace).filter(filter);
    return { items, resourceVersion: ctx.store.resourceVersion() };
  }

  let start = '';
  let listRv = ctx.store.currentRv();
  const cont = q.get('continue');
  if (cont) {
    const token = decodeContinue(cont);
    if (ctx.faults.settings.continueExpired || token.rv < ctx.hub.oldestValidRv(key)) throw expired(EXPIRED_CONTINUE_MESSAGE);
    start = token.start;
    listRv = token.rv;
  }

  const items: KObj[] = [];
  let lastKey = '';
  let more = false;
  let remaining = 0;
  for (const o of ctx.store.list(key, route.namespace, start)) {
    if (!filter(o)) continue;
    if (limit > 0 && items.length >= limit) {
      more = true;
      if (!selective) remaining = ctx.store.countFrom(key, route.namespace, `${lastKey}\u0000`);
      break;
    }
    items.push(toView(rt, o));
    lastKey = o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata.name;
  }
  const result: ListResult = { items, resourceVersion: String(listRv) };
  if (more) {
    result.continueToken = encodeContinue({ v: 'meta.k8s.io/v1', rv: listRv, start: `${lastKey}\u0000` });
    if (!selective) result.remainingItemCount = remaining;
  }
  return result;
}

function listMetadata(r: ListResult): Record<string, unknown> {
  const md: Record<string, unknown> = { resourceVersion: r.resourceVersion };
  if (r.continueToken) md.continue = r.continueToken;
  if (r.remainingItemCount !== undefined) md.remainingItemCount = r.remainingItemCount;
  return md;
}

const CHUNK = 500;

/** Writes a list response, streaming the items in chunks so 150,000 pods never make one giant string. */
export async function writeList(res: ServerResponse, rt: ResourceType, r: ListResult, table: IncludeObject | undefined): Promise<void> {
  if (table) {
    const body = JSON.stringify(toTable(apiVersionOf(rt), rt.kind, r.items, { includeObject: table, resourceVersion: r.resourceVersion, continueToken: r.continueToken, remainingItemCount: r.remainingItemCount }));
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
    return;
  }
  res.writeHead(200, { 'Content-Type': 'application/json' });
  const head = `{"kind":"${rt.kind}List","apiVersion":"${apiVersionOf(rt)}","metadata":${JSON.stringify(listMetadata(r))},"items":[`;
  let buf = head;
  for (let i = 0; i < r.items.length; i++) {
    buf += (i ? ',' : '') + JSON.stringify(r.items[i]);
    if ((i + 1) % CHUNK === 0) {
      if (!res.write(buf)) await new Promise<void>((resolve) => res.once('drain', resolve));
      buf = '';
      if (res.destroyed) return;
    }
  }
  res.end(`${buf}]}`);
}

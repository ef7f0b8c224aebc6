import type { IncomingMessage, ServerResponse } from 'node:http';
import type { IPod } from 'kubernetes-models/v1/Pod';
import { checkDisruptionBudget } from '../api/eviction';
import type { DeleteOptions } from '../api/writes';
import { ApiError, badRequest, methodNotAllowed, notFound } from '../errors';
import { isObject, type KObj } from '../objects';
import { apiVersionOf, storageKey, type ResourceType } from '../resources';
import { toTable, wantsTable, type IncludeObject } from '../table/table';
import type { ApiContext } from './context';
import { listObjects, writeList } from './list';
import { serveLogs } from './logs';
import { readBody, sendJson } from './respond';
import type { ResourceRoute } from './route';
import { fromView, toView } from './views';
import { serveWatch } from './watch';

// Verb dispatch for resource URLs: list/watch/get/create/update/patch/delete and the
// subresources clients use (status, scale, log, eviction, binding).

function includeObject(q: URLSearchParams, accept: string | undefined): IncludeObject | undefined {
  if (!wantsTable(accept)) return undefined;
  const v = q.get('includeObject');
  return v === 'None' || v === 'Object' ? v : 'Metadata';
}

function deleteOptions(q: URLSearchParams, body: unknown): DeleteOptions {
  const b = isObject(body) ? body : {};
  const opts: DeleteOptions = {};
  const grace = q.get('gracePeriodSeconds') ?? (b.gracePeriodSeconds !== undefined ? String(b.gracePeriodSeconds) : null);
  if (grace !== null && grace !== '') opts.gracePeriodSeconds = Number(grace);
  const policy = q.get('propagationPolicy') ?? (typeof b.propagationPolicy === 'string' ? b.propagationPolicy : null);
  if (policy) {
    if (policy !== 'Background' && policy !== 'Foreground' && policy !== 'Orphan') throw badRequest(`propagationPolicy: Unsupported value: "${policy}"`);
    opts.propagationPolicy = policy;
  } else if (b.orphanDependents === true) opts.propagationPolicy = 'Orphan';
  if (isObject(b.preconditions)) opts.preconditions = b.preconditions as DeleteOptions['preconditions'];
  if (q.getAll('dryRun').includes('All') || (Array.isArray(b.dryRun) && b.dryRun.includes('All'))) opts.dryRun = true;
  return opts;
}

const successStatus = (rt: ResourceType, o: KObj): Record<string, unknown> => ({
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Success',
  details: { name: o.metadata.name, group: rt.group || undefined, kind: rt.resource, uid: o.metadata.uid },
});

function scaleOf(rt: ResourceType, o: KObj): Record<string, unknown> {
  const spec = isObject(o.spec) ? o.spec : {};
  const status = isObject(o.status) ? o.status : {};
  const sel = spec.selector;
  let selector = '';
  if (isObject(sel) && isObject(sel.matchLabels)) selector = Object.entries(sel.matchLabels).map(([k, v]) => `${k}=${String(v)}`).join(',');
  else if (isObject(sel)) selector = Object.entries(sel).map(([k, v]) => `${k}=${String(v)}`).join(',');
  const md = o.metadata;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name: md.name, namespace: md.namespace, uid: md.uid, resourceVersion: md.resourceVersion, creationTimestamp: md.creationTimestamp },
    spec: { replicas: typeof spec.replicas === 'number' ? spec.replicas : 0 },
    status: { replicas: typeof status.replicas === 'number' ? status.replicas : 0, selector },
  };
}

async function serveScale(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, rt: ResourceType, ns: string | undefined, name: string): Promise<void> {
  const cur = ctx.store.get(storageKey(rt), ns, name);
  if (!cur) throw notFound(rt.group, rt.resource, name);
  if (req.method === 'GET') return sendJson(res, 200, scaleOf(rt, cur));
  const body = await readBody(req);
  let scale: unknown;
  if (req.method === 'PUT') scale = body;
  else if (req.method === 'PATCH') {
    const { applyPatch } = await import('../api/patch');
    scale = applyPatch(req.headers['content-type'] ?? '', scaleOf(rt, cur), body);
  } else throw methodNotAllowed();
  const spec = isObject(scale) && isObject(scale.spec) ? scale.spec : {};
  const md = isObject(scale) && isObject(scale.metadata) ? scale.metadata : {};
  if (typeof spec.replicas !== 'number' || spec.replicas < 0) throw new ApiError(422, 'Invalid', `Scale.autoscaling "${name}" is invalid: spec.replicas: Invalid value: ${JSON.stringify(spec.replicas)}: must be greater than or equal to 0`);
  const updated = ctx.writer.patch(rt, ns, name, 'application/merge-patch+json', { metadata: { resourceVersion: md.resourceVersion }, spec: { replicas: spec.replicas } });
  sendJson(res, 200, scaleOf(rt, updated));
}

async function serveEviction(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, rt: ResourceType, ns: string | undefined, name: string): Promise<void> {
  if (req.method !== 'POST') throw methodNotAllowed();
  const body = await readBody(req);
  const opts = isObject(body) && isObject(body.deleteOptions) ? deleteOptions(new URLSearchParams(), body.deleteOptions) : {};
  const pod = ctx.store.get<IPod>('pods', ns, name);
  if (!pod) throw notFound('', 'pods', name);
  checkDisruptionBudget(ctx.store, pod);
  ctx.writer.delete(rt, ns, name, opts);
  sendJson(res, 201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
}

async function serveBinding(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, ns: string | undefined, name: string): Promise<void> {
  const body = await readBody(req);
  const target = isObject(body) && isObject(body.target) ? String(body.target.name ?? '') : '';
  if (!target) throw badRequest('binding target is required');
  ctx.store.mutate('pods', ns, name, (p) => {
    p.spec = { ...(p.spec as object), nodeName: target };
  });
  sendJson(res, 201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
}

export async function serveResource(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, route: ResourceRoute, q: URLSearchParams): Promise<void> {
  const rt = route.type;
  const method = req.method ?? 'GET';
  const accept = req.headers.accept;
  const ns = route.namespace;
  const key = storageKey(rt);
  const table = includeObject(q, accept);

  if (route.name === undefined) {
    // Collection.
    if (method === 'GET') {
      if (route.legacyWatch || q.get('watch') === 'true' || q.get('watch') === '1') {
        if (rt.virtual) throw methodNotAllowed();
        return serveWatch(ctx, req, res, route, q, table);
      }
      return writeList(res, rt, listObjects(ctx, route, q), table);
    }
    if (method === 'POST') {
      if (rt.virtual) throw methodNotAllowed();
      const body = fromView(rt, await readBody(req));
      const created = ctx.writer.create(rt, ns, body, { dryRun: q.getAll('dryRun').includes('All') });
      return sendJson(res, 201, toView(rt, created));
    }
    if (method === 'DELETE') {
      if (rt.virtual) throw methodNotAllowed();
      const opts = deleteOptions(q, await readBody(req));
      const { items } = listObjects(ctx, route, new URLSearchParams({ labelSelector: q.get('labelSelector') ?? '', fieldSelector: q.get('fieldSelector') ?? '' }));
      const deleted = items.map((o) => ctx.writer.delete(rt, o.metadata.namespace, o.metadata.name, opts).object);
      return sendJson(res, 200, { kind: `${rt.kind}List`, apiVersion: apiVersionOf(rt), metadata: { resourceVersion: ctx.store.resourceVersion() }, items: deleted.map((o) => toView(rt, o)) });
    }
    throw methodNotAllowed();
  }

  const name = route.name;
  const sub = route.subresource;
  if (rt.virtual) {
    if (method !== 'GET' || sub) throw methodNotAllowed();
    const found = ctx.virtualList(rt, ns).find((o) => o.metadata.name === name);
    if (!found) throw notFound(rt.group, rt.resource, name);
    return sendJson(res, 200, found);
  }
  if (sub === 'scale') return serveScale(ctx, req, res, rt, ns, name);
  if (sub === 'log') return serveLogs(ctx, req, res, ns ?? 'default', name, q);
  if (sub === 'eviction') return serveEviction(ctx, req, res, rt, ns, name);
  if (sub === 'binding' && rt.kind === 'Pod') return serveBinding(ctx, req, res, ns, name);
  if (sub === 'exec' || sub === 'attach') throw new ApiError(400, 'BadRequest', 'Upgrade request required');
  if (sub !== undefined && sub !== 'status') throw notFound(rt.group, `${rt.resource}/${sub}`, name);

  switch (method) {
    case 'GET': {
      const o = ctx.store.get(key, ns, name);
      if (!o) throw notFound(rt.group, rt.resource, name);
      const view = toView(rt, o);
      if (table) return sendJson(res, 200, toTable(apiVersionOf(rt), rt.kind, [view], { includeObject: table, resourceVersion: o.metadata.resourceVersion }));
      return sendJson(res, 200, view);
    }
    case 'PUT': {
      const body = fromView(rt, await readBody(req));
      return sendJson(res, 200, toView(rt, ctx.writer.update(rt, ns, name, body, sub)));
    }
    case 'PATCH': {
      const body = await readBody(req);
      return sendJson(res, 200, toView(rt, ctx.writer.patch(rt, ns, name, req.headers['content-type'] ?? '', body, sub)));
    }
    case 'DELETE': {
      const { object, gone } = ctx.writer.delete(rt, ns, name, deleteOptions(q, await readBody(req)));
      // Pods and namespaces answer with the object; most kinds with a Success Status once gone.
      if (rt.kind === 'Pod' || rt.kind === 'Namespace' || !gone) return sendJson(res, 200, toView(rt, object));
      return sendJson(res, 200, successStatus(rt, object));
    }
    default:
      throw methodNotAllowed();
  }
}

import { ApiError, badRequest, conflict, invalid, notFound } from '../errors';
import { isObject, newUid, randSuffix, rfc3339, type Incoming, type KObj } from '../objects';
import { apiVersionOf, storageKey, type ResourceType } from '../resources';
import type { Store } from '../store';
import { applyDefaults, HAS_GENERATION } from './defaults';
import { applyPatch } from './patch';
import { validateObject } from './validate';

// Create / update / patch / delete with the API server's semantics that clients depend on:
// generateName, defaulting, validation (422), AlreadyExists and optimistic concurrency (409),
// status subresources, graceful pod deletion and propagationPolicy
// (https://kubernetes.io/docs/concepts/architecture/garbage-collection/).

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun?: boolean;
}

export interface DeleteResult {
  object: KObj;
  /** False while the object lingers (graceful pod deletion, foreground deletion, finalizers). */
  gone: boolean;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export class Writer {
  constructor(private readonly store: Store) {}

  private checkNamespace(rt: ResourceType, namespace: string | undefined, name: string): void {
    if (!rt.namespaced || !namespace) return;
    const ns = this.store.get('namespaces', undefined, namespace);
    if (!ns) throw notFound('', 'namespaces', namespace);
    if (ns.metadata.deletionTimestamp) {
      throw new ApiError(403, 'Forbidden', `${rt.resource} "${name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`);
    }
  }

  create(rt: ResourceType, namespace: string | undefined, body: unknown, opts: { dryRun?: boolean } = {}): KObj {
    if (!isObject(body)) throw badRequest('the body of the request was not a JSON object');
    const input = structuredClone(body) as Incoming;
    const md = { ...(input.metadata ?? {}) };
    if (rt.namespaced) {
      if (md.namespace && namespace && md.namespace !== namespace) {
        throw badRequest(`the namespace of the provided object does not match the namespace sent on the request`);
      }
      md.namespace = namespace ?? md.namespace ?? 'default';
    } else delete md.namespace;
    if (!md.name && md.generateName) md.name = `${md.generateName}${randSuffix(5)}`;
    const name = md.name ?? '';
    if (!name) throw invalid(rt.group, rt.kind, '', [{ field: 'metadata.name', type: 'Required', message: 'name or generateName is required' }]);
    for (const k of ['resourceVersion', 'uid', 'creationTimestamp', 'deletionTimestamp', 'generation'] as const) delete md[k];
    const obj: KObj = { ...input, apiVersion: apiVersionOf(rt), kind: rt.kind, metadata: { ...md, name, uid: newUid(), resourceVersion: '', creationTimestamp: rfc3339() } };
    const problems = validateObject(rt, obj);
    if (problems.length) throw invalid(rt.group, rt.kind, name, problems);
    this.checkNamespace(rt, obj.metadata.namespace, name);
    applyDefaults(obj, this.store);
    if (opts.dryRun) return obj;
    return this.store.create(storageKey(rt), obj);
  }

  private current(rt: ResourceType, namespace: string | undefined, name: string): KObj {
    const cur = this.store.get(storageKey(rt), rt.namespaced ? namespace : undefined, name);
    if (!cur) throw notFound(rt.group, rt.resource, name);
    return cur;
  }

  /** PUT semantics; `subresource` "status" replaces only status, the main resource keeps it. */
  update(rt: ResourceType, namespace: string | undefined, name: string, body: unknown, subresource?: string): KObj {
    if (!isObject(body)) throw badRequest('the body of the request was not a JSON object');
    const prev = this.current(rt, namespace, name);
    const input = body as Incoming;
    if (input.metadata?.name && input.metadata.name !== name) {
      throw badRequest(`the name of the object (${input.metadata.name}) does not match the name on the URL (${name})`);
    }
    const expectRv = input.metadata?.resourceVersion;
    if (expectRv && expectRv !== prev.metadata.resourceVersion) throw conflict(rt.group, rt.resource, name);
    return this.commit(rt, prev, { ...input, apiVersion: prev.apiVersion, kind: prev.kind, metadata: { ...prev.metadata, ...(input.metadata ?? {}) } } as KObj, subresource);
  }

  patch(rt: ResourceType, namespace: string | undefined, name: string, contentType: string, patch: unknown, subresource?: string): KObj {
    const prev = this.current(rt, namespace, name);
    const patched = applyPatch(contentType, prev, patch);
    if (!isObject(patched)) throw badRequest('the patch did not produce an object');
    const next = patched as KObj;
    const md = isObject(next.metadata) ? next.metadata : prev.metadata;
    if (md.resourceVersion && md.resourceVersion !== prev.metadata.resourceVersion) throw conflict(rt.group, rt.resource, name);
    return this.commit(rt, prev, { ...next, metadata: { ...md, name: prev.metadata.name, namespace: prev.metadata.namespace } as KObj['metadata'] }, subresource);
  }

  private commit(rt: ResourceType, prev: KObj, next: KObj, subresource?: string): KObj {
    const hasStatus = rt.subresources?.includes('status') ?? false;
    let candidate: KObj;
    if (subresource === 'status') {
      candidate = { ...prev, metadata: { ...prev.metadata, labels: next.metadata.labels, annotations: next.metadata.annotations }, status: next.status };
    } else {
      candidate = { ...next, apiVersion: prev.apiVersion, kind: prev.kind };
      if (hasStatus && prev.status !== undefined) candidate.status = prev.status;
    }
    // Identity and deletion state are the server's.
    candidate.metadata = {
      ...candidate.metadata,
      uid: prev.metadata.uid,
      creationTimestamp: prev.metadata.creationTimestamp,
      deletionTimestamp: prev.metadata.deletionTimestamp,
      deletionGracePeriodSeconds: prev.metadata.deletionGracePeriodSeconds,
      generation: prev.metadata.generation,
    };
    if (candidate.metadata.deletionTimestamp === undefined) delete candidate.metadata.deletionTimestamp;
    if (candidate.metadata.deletionGracePeriodSeconds === undefined) delete candidate.metadata.deletionGracePeriodSeconds;
    if (candidate.metadata.generation === undefined) delete candidate.metadata.generation;
    if (subresource !== 'status') {
      const problems = validateObject(rt, candidate);
      if (problems.length) throw invalid(rt.group, rt.kind, prev.metadata.name, problems);
    }
    if (HAS_GENERATION.has(rt.kind) && !same(prev.spec, candidate.spec)) {
      candidate.metadata.generation = (prev.metadata.generation ?? 1) + 1;
    }
    const key = storageKey(rt);
    // An object being deleted whose last finalizer went away is gone now.
    if (candidate.metadata.deletionTimestamp && (candidate.metadata.finalizers ?? []).length === 0 && rt.kind !== 'Pod') {
      this.store.update(key, candidate);
      return this.store.remove(key, prev.metadata.namespace, prev.metadata.name);
    }
    return this.store.update(key, candidate);
  }

  delete(rt: ResourceType, namespace: string | undefined, name: string, opts: DeleteOptions = {}): DeleteResult {
    const key = storageKey(rt);
    const prev = this.current(rt, namespace, name);
    const pre = opts.preconditions;
    if (pre?.uid && pre.uid !== prev.metadata.uid) {
      throw new ApiError(409, 'Conflict', `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${prev.metadata.uid}`);
    }
    if (pre?.resourceVersion && pre.resourceVersion !== prev.metadata.resourceVersion) {
      throw new ApiError(409, 'Conflict', `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${prev.metadata.resourceVersion}`);
    }
    if (opts.dryRun) return { object: prev, gone: false };
    const ns = prev.metadata.namespace;

    if (rt.kind === 'Pod') return this.deletePod(key, prev, opts);

    if (rt.kind === 'Namespace') {
      if (prev.metadata.deletionTimestamp) return { object: prev, gone: false };
      const obj = this.store.mutate(key, undefined, name, (o) => {
        o.metadata.deletionTimestamp = rfc3339();
        o.status = { phase: 'Terminating' };
      })!;
      return { object: obj, gone: false };
    }

    const policy = opts.propagationPolicy ?? 'Background';
    if (policy === 'Orphan') this.orphanDependents(prev.metadata.uid);
    if (policy === 'Foreground' || (prev.metadata.finalizers ?? []).length > 0) {
      const obj = this.store.mutate(key, ns, name, (o) => {
        o.metadata.deletionTimestamp ??= rfc3339();
        o.metadata.deletionGracePeriodSeconds = 0;
        if (policy === 'Foreground' && !(o.metadata.finalizers ?? []).includes('foregroundDeletion')) {
          o.metadata.finalizers = [...(o.metadata.finalizers ?? []), 'foregroundDeletion'];
        }
      })!;
      return { object: obj, gone: false };
    }
    return { object: this.store.remove(key, ns, name), gone: true };
  }

  private deletePod(key: string, prev: KObj, opts: DeleteOptions): DeleteResult {
    const ns = prev.metadata.namespace;
    const name = prev.metadata.name;
    const spec = isObject(prev.spec) ? prev.spec : {};
    const status = isObject(prev.status) ? prev.status : {};
    const grace = opts.gracePeriodSeconds ?? (typeof spec.terminationGracePeriodSeconds === 'number' ? spec.terminationGracePeriodSeconds : 30);
    const finished = status.phase === 'Succeeded' || status.phase === 'Failed';
    // Unscheduled or finished pods, and grace period 0 (--force), go at once.
    if (grace <= 0 || !spec.nodeName || finished) {
      if (opts.propagationPolicy === 'Orphan') this.orphanDependents(prev.metadata.uid);
      return { object: this.store.remove(key, ns, name), gone: true };
    }
    if (prev.metadata.deletionTimestamp) return { object: prev, gone: false };
    const obj = this.store.mutate(key, ns, name, (o) => {
      o.metadata.deletionTimestamp = rfc3339(Date.now() + grace * 1000);
      o.metadata.deletionGracePeriodSeconds = grace;
    })!;
    return { object: obj, gone: false };
  }

  /** Removes ownerReferences to `uid` from every object (propagationPolicy=Orphan). */
  private orphanDependents(uid: string): void {
    for (const k of DEPENDENT_KEYS) {
      for (const o of [...this.store.list(k)]) {
        if (!o.metadata.ownerReferences?.some((r) => r.uid === uid)) continue;
        this.store.mutate(k, o.metadata.namespace, o.metadata.name, (c) => {
          c.metadata.ownerReferences = (c.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
          if (c.metadata.ownerReferences.length === 0) delete c.metadata.ownerReferences;
        });
      }
    }
  }
}

/** Types whose objects may have owners. */
export const DEPENDENT_KEYS = ['pods', 'apps/replicasets', 'apps/controllerrevisions', 'batch/jobs', 'endpoints', 'discovery.k8s.io/endpointslices', 'events', 'persistentvolumeclaims'];

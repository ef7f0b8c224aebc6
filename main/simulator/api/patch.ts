import { badRequest, ApiError } from '../errors';
import { isObject } from '../objects';

// The three patch formats kubectl and client-node send:
// - JSON merge patch (RFC 7386): `kubectl label`, `kubectl scale` on /scale, client-node patches.
// - Strategic merge patch: `kubectl cordon`, `rollout restart`, `set image`, client-side apply.
//   Lists with a patch merge key (containers by name, ...) merge element by element
//   (https://kubernetes.io/docs/tasks/manage-kubernetes-objects/update-api-object-kubectl-patch/).
// - JSON patch (RFC 6902): `kubectl rollout undo` replaces /spec/template with it.

type Json = unknown;
type JObj = Record<string, unknown>;

export const PATCH_TYPES = {
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  json: 'application/json-patch+json',
  apply: 'application/apply-patch+yaml',
} as const;

export function mergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return patch;
  const out: JObj = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

// patchMergeKey tags from k8s.io/api/core/v1/types.go and friends, by field name.
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  imagePullSecrets: 'name',
  conditions: 'type',
  addresses: 'type',
  taints: 'key',
  hostAliases: 'ip',
  topologySpreadConstraints: 'topologyKey',
  ownerReferences: 'uid',
  resourceClaims: 'name',
};
// Primitive lists whose patch strategy is "merge".
const MERGED_PRIMITIVE_LISTS = new Set(['finalizers']);

function mergeKeyFor(field: string, items: unknown[]): string | undefined {
  if (field === 'ports') {
    // Container ports merge on containerPort, service ports on port.
    return items.some((i) => isObject(i) && 'containerPort' in i) ? 'containerPort' : 'port';
  }
  return MERGE_KEYS[field];
}

function strategicList(field: string, target: unknown, patch: unknown[]): unknown[] {
  const current = Array.isArray(target) ? target : [];
  if (patch.some((p) => isObject(p) && p.$patch === 'replace')) return patch.filter((p) => !(isObject(p) && p.$patch === 'replace'));
  if (MERGED_PRIMITIVE_LISTS.has(field) && patch.every((p) => !isObject(p))) {
    return [...current, ...patch.filter((p) => !current.includes(p))];
  }
  const key = mergeKeyFor(field, [...current, ...patch]);
  if (!key || !patch.every(isObject)) return patch;
  const out = current.map((c) => (isObject(c) ? { ...c } : c));
  for (const p of patch as JObj[]) {
    const idx = out.findIndex((c) => isObject(c) && c[key] === p[key]);
    if (p.$patch === 'delete') {
      if (idx >= 0) out.splice(idx, 1);
      continue;
    }
    if (idx >= 0) out[idx] = strategicMergePatch(out[idx], p);
    else out.push(strategicMergePatch({}, p));
  }
  return out;
}

export function strategicMergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return patch;
  if (patch.$patch === 'replace') {
    const { $patch: _ignored, ...rest } = patch;
    return rest;
  }
  if (patch.$patch === 'delete') return undefined;
  const out: JObj = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$setElementOrder/') || k === '$retainKeys' || k === '$patch') continue;
    if (k.startsWith('$deleteFromPrimitiveList/')) {
      const field = k.slice('$deleteFromPrimitiveList/'.length);
      if (Array.isArray(out[field]) && Array.isArray(v)) out[field] = (out[field] as unknown[]).filter((x) => !v.includes(x));
      continue;
    }
    if (v === null) delete out[k];
    else if (Array.isArray(v)) out[k] = strategicList(k, out[k], v);
    else if (isObject(v)) {
      const merged = strategicMergePatch(out[k], v);
      if (merged === undefined) delete out[k];
      else out[k] = merged;
    } else out[k] = v;
  }
  return out;
}

interface JsonPatchOp {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  value?: unknown;
  from?: string;
}

function pointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw badRequest(`invalid JSON pointer "${path}"`);
  return path
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function getAt(doc: unknown, parts: string[]): unknown {
  let cur = doc;
  for (const p of parts) {
    if (Array.isArray(cur)) cur = cur[Number(p)];
    else if (isObject(cur)) cur = cur[p];
    else return undefined;
  }
  return cur;
}

function parentOf(doc: unknown, parts: string[], path: string): { parent: unknown; last: string } {
  if (parts.length === 0) throw badRequest(`cannot operate on the whole document at "${path}"`);
  const parent = getAt(doc, parts.slice(0, -1));
  if (!isObject(parent) && !Array.isArray(parent)) throw new ApiError(422, 'Invalid', `doc is missing path: "${path}": missing value`);
  return { parent, last: parts[parts.length - 1]! };
}

function add(doc: unknown, path: string, value: unknown): unknown {
  const parts = pointer(path);
  if (parts.length === 0) return value;
  const { parent, last } = parentOf(doc, parts, path);
  if (Array.isArray(parent)) {
    const i = last === '-' ? parent.length : Number(last);
    if (!(i >= 0 && i <= parent.length)) throw new ApiError(422, 'Invalid', `add operation does not apply: index out of range at "${path}"`);
    parent.splice(i, 0, value);
  } else (parent as JObj)[last] = value;
  return doc;
}

function remove(doc: unknown, path: string): unknown {
  const parts = pointer(path);
  const { parent, last } = parentOf(doc, parts, path);
  if (Array.isArray(parent)) {
    const i = Number(last);
    if (!(i >= 0 && i < parent.length)) throw new ApiError(422, 'Invalid', `remove operation does not apply: doc is missing path: "${path}"`);
    parent.splice(i, 1);
  } else {
    if (!(last in (parent as JObj))) throw new ApiError(422, 'Invalid', `remove operation does not apply: doc is missing path: "${path}"`);
    delete (parent as JObj)[last];
  }
  return doc;
}

export function jsonPatch(target: Json, ops: unknown): Json {
  if (!Array.isArray(ops)) throw badRequest('json patch must be an array of operations');
  let doc = structuredClone(target);
  for (const raw of ops as JsonPatchOp[]) {
    switch (raw.op) {
      case 'add':
        doc = add(doc, raw.path, structuredClone(raw.value));
        break;
      case 'remove':
        doc = remove(doc, raw.path);
        break;
      case 'replace':
        if (pointer(raw.path).length) doc = remove(doc, raw.path);
        doc = add(doc, raw.path, structuredClone(raw.value));
        break;
      case 'move': {
        const v = getAt(doc, pointer(raw.from ?? ''));
        doc = remove(doc, raw.from ?? '');
        doc = add(doc, raw.path, v);
        break;
      }
      case 'copy':
        doc = add(doc, raw.path, structuredClone(getAt(doc, pointer(raw.from ?? ''))));
        break;
      case 'test':
        if (JSON.stringify(getAt(doc, pointer(raw.path))) !== JSON.stringify(raw.value)) {
          throw new ApiError(422, 'Invalid', `testing value ${raw.path} failed`);
        }
        break;
      default:
        throw badRequest(`unknown json patch operation ${JSON.stringify((raw as { op?: unknown }).op)}`);
    }
  }
  return doc;
}

/** Applies a patch of the given content type; throws 415 for unsupported ones. */
export function applyPatch(contentType: string, target: Json, patch: Json): Json {
  const ct = contentType.split(';')[0]!.trim();
  if (ct === PATCH_TYPES.merge) return mergePatch(target, patch);
  if (ct === PATCH_TYPES.strategic) return strategicMergePatch(target, patch);
  if (ct === PATCH_TYPES.json) return jsonPatch(target, patch);
  throw new ApiError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${PATCH_TYPES.json}, ${PATCH_TYPES.merge}, ${PATCH_TYPES.strategic}`);
}

import type { Condition, Container, ContainerState, ContainerStatus, ObjectMeta, Pod } from '../../kube';

// What the pod lists keep of each pod: only the fields their readers use, a new small object
// built from the parsed one, which is then dropped whole.
// At 150,000 pods a parsed pod is ~4,400 B of heap and every one of them survives into the cache,
// so each young-generation GC copied them all (the longest pauses of a cold list were those) and
// the cache alone was ~650 MB. Deleting fields in place saves nothing (V8 keeps the object's
// dictionary), so this copies what is needed instead.
// Readers of these objects, and what they read:
// - podRow / podColumns (READY, STATUS, RESTARTS as kubectl prints them, IPs, node, owner, labels,
//   age): metadata name, namespace, uid, creationTimestamp, deletionTimestamp, labels,
//   ownerReferences; spec containers (count), initContainers (name, restartPolicy), nodeName;
//   status phase, reason, conditions Initialized, Ready and PodScheduled (type, status, reason), container and init container
//   statuses (name, ready, started, restartCount, state, lastState.terminated.finishedAt),
//   podIP(s);
// - the nodes' load (NodeLoadIndex, podRequests): containers' and init containers' requests,
//   spec.overhead, nodeName, phase;
// - the state compare (soak, tests): key, uid, resourceVersion.
// Everything else (the YAML, containers' images and probes, volumes, annotations...) is read by
// the pod's detail, which watches that one pod with the whole object (LiveSubscriptions).

type Requests = Record<string, string> | undefined;

const READ_CONDITIONS = new Set(['Initialized', 'Ready', 'PodScheduled']);

function slimContainer(c: Container): Container {
  const out: Container = { name: c.name };
  if (c.restartPolicy !== undefined) out.restartPolicy = c.restartPolicy;
  const requests: Requests = c.resources?.requests;
  if (requests) out.resources = { requests };
  return out;
}

function slimState(state: ContainerState | undefined): ContainerState | undefined {
  if (!state) return undefined;
  const out: ContainerState = {};
  if (state.waiting) out.waiting = state.waiting.reason !== undefined ? { reason: state.waiting.reason } : {};
  if (state.running) out.running = state.running;
  if (state.terminated) {
    const t = state.terminated;
    out.terminated = { exitCode: t.exitCode };
    if (t.signal !== undefined) out.terminated.signal = t.signal;
    if (t.reason !== undefined) out.terminated.reason = t.reason;
    if (t.finishedAt !== undefined) out.terminated.finishedAt = t.finishedAt;
  }
  return out;
}

function slimStatus(s: ContainerStatus): ContainerStatus {
  const out: ContainerStatus = { name: s.name, ready: s.ready, restartCount: s.restartCount };
  if (s.started !== undefined) out.started = s.started;
  const state = slimState(s.state);
  if (state) out.state = state;
  const finishedAt = s.lastState?.terminated?.finishedAt;
  // Only when the last termination is when the container last restarted (RESTARTS' "(2m ago)").
  if (finishedAt !== undefined) out.lastState = { terminated: { exitCode: s.lastState!.terminated!.exitCode, finishedAt } };
  return out;
}

function slimCondition(c: Condition): Condition {
  const out: Condition = { type: c.type, status: c.status };
  if (c.reason !== undefined) out.reason = c.reason;
  return out;
}

/**
 * Parts many pods have in common, kept once: a ReplicaSet's pods share their owner, labels and
 * containers' requests, running pods their conditions. At 150,000 pods that is ~10 fewer objects
 * per pod for every major GC to mark. A shared part is never changed (cached objects are replaced,
 * not mutated). Bounded: when full it starts over; what was shared stays shared.
 */
export class SharedParts {
  private readonly parts = new Map<string, unknown>();

  constructor(private readonly max = 50_000) {}

  share<T>(key: string, part: T): T {
    const kept = this.parts.get(key);
    if (kept !== undefined) return kept as T;
    if (this.parts.size >= this.max) this.parts.clear();
    this.parts.set(key, part);
    return part;
  }

  get size(): number {
    return this.parts.size;
  }
}

/** The part as kept: the first equal one met, when `shared` is given. */
function shared<T>(parts: SharedParts | undefined, tag: string, part: T): T {
  return parts ? parts.share(`${tag}${JSON.stringify(part)}`, part) : part;
}

export function slimPod(pod: Pod, parts?: SharedParts): Pod {
  const m = pod.metadata ?? {};
  const meta: ObjectMeta = {};
  if (m.name !== undefined) meta.name = m.name;
  if (m.namespace !== undefined) meta.namespace = m.namespace;
  if (m.uid !== undefined) meta.uid = m.uid;
  if (m.resourceVersion !== undefined) meta.resourceVersion = m.resourceVersion;
  if (m.creationTimestamp !== undefined) meta.creationTimestamp = m.creationTimestamp;
  if (m.deletionTimestamp !== undefined && m.deletionTimestamp !== null) meta.deletionTimestamp = m.deletionTimestamp;
  if (m.labels) meta.labels = shared(parts, 'L', m.labels);
  if (m.ownerReferences) {
    const refs = m.ownerReferences.map((o) => ({ apiVersion: o.apiVersion, kind: o.kind, name: o.name, uid: o.uid, ...(o.controller !== undefined ? { controller: o.controller } : {}) }));
    meta.ownerReferences = shared(parts, 'O', refs);
  }
  const out: Pod = { metadata: meta };
  if (pod.kind !== undefined) out.kind = pod.kind;
  if (pod.apiVersion !== undefined) out.apiVersion = pod.apiVersion;
  const spec = pod.spec;
  if (spec) {
    out.spec = { containers: shared(parts, 'C', (spec.containers ?? []).map(slimContainer)) };
    if (spec.initContainers) out.spec.initContainers = shared(parts, 'I', spec.initContainers.map(slimContainer));
    if (spec.nodeName !== undefined) out.spec.nodeName = shared(parts, 'N', spec.nodeName);
    if (spec.overhead !== undefined) out.spec.overhead = spec.overhead;
  }
  const status = pod.status;
  if (status) {
    const s: NonNullable<Pod['status']> = {};
    if (status.phase !== undefined) s.phase = status.phase;
    if (status.reason !== undefined) s.reason = status.reason;
    if (status.podIP !== undefined) s.podIP = status.podIP;
    if (status.podIPs) s.podIPs = status.podIPs.map((p) => ({ ip: p.ip }));
    if (status.conditions) {
      // podColumns reads Initialized, Ready and PodScheduled's SchedulingGated reason only.
      const kept: Condition[] = [];
      for (const c of status.conditions) if (READ_CONDITIONS.has(c.type)) kept.push(slimCondition(c));
      s.conditions = shared(parts, 'K', kept);
    }
    if (status.initContainerStatuses) s.initContainerStatuses = status.initContainerStatuses.map(slimStatus);
    if (status.containerStatuses) s.containerStatuses = status.containerStatuses.map(slimStatus);
    out.status = s;
  }
  return out;
}

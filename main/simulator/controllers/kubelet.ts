import type { IPod } from 'kubernetes-models/v1/Pod';
import { ContainerRuntime } from '../kubelet/container-runtime';
import type { PodNetwork } from '../kubelet/pod-network';
import { rfc3339, type KObj } from '../objects';
import { objectKey, type Store, type StoreEvent } from '../store';
import type { Controller, Queue } from './loop';
import type { Recorder } from './recorder';

// The kubelet stand-in: runs the pods bound to nodes through Pending -> ContainerCreating ->
// Running (or ErrImagePull / ImagePullBackOff / CrashLoopBackOff, Completed for jobs), keeps
// their conditions and IPs, and finishes graceful deletions.
// https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/

interface PodRuntime {
  uid: string;
  inits: ContainerRuntime[];
  mains: ContainerRuntime[];
  ips?: string[];
  sandboxAt: number;
  deletingAt?: number;
  transitions: Map<string, { status: string; at: string }>;
}

const NAME = 'kubelet';
const SANDBOX_MS = 800;
const KILL_MS = 1000;

export class Kubelet implements Controller {
  readonly name = NAME;
  readonly watches = ['pods'];
  private readonly runtimes = new Map<string, PodRuntime>();

  constructor(
    private readonly store: Store,
    private readonly recorder: Recorder,
    private readonly network: PodNetwork,
    private readonly real: (simMs: number) => number,
  ) {}

  onEvent(e: StoreEvent, q: Queue): void {
    const pod = e.object as IPod & KObj;
    const key = objectKey(pod.metadata.namespace, pod.metadata.name);
    if (e.type === 'DELETED') {
      this.runtimes.delete(pod.metadata.uid);
      return;
    }
    if (!pod.spec?.nodeName) return;
    // Only react to spec/metadata changes we care about; our own status writes need no reconcile.
    if (e.type === 'MODIFIED' && e.prev) {
      const prev = e.prev as IPod & KObj;
      const started = !prev.spec?.nodeName && pod.spec.nodeName;
      const deleting = !prev.metadata.deletionTimestamp && pod.metadata.deletionTimestamp;
      if (!started && !deleting) return;
    }
    q.add(NAME, key);
  }

  resync(q: Queue): void {
    for (const p of this.store.list<IPod>('pods')) {
      if (!p.spec?.nodeName) continue;
      const phase = p.status?.phase;
      if (phase === 'Pending' || !phase || p.metadata.deletionTimestamp) q.add(NAME, objectKey(p.metadata.namespace, p.metadata.name));
    }
  }

  private node(pod: IPod): KObj | undefined {
    return this.store.get('nodes', undefined, pod.spec?.nodeName ?? '');
  }

  reconcile(key: string, q: Queue): void {
    const [ns, name] = key.split('/') as [string, string];
    const pod = this.store.get<IPod>('pods', ns, name);
    if (!pod || !pod.spec?.nodeName) return;
    const now = Date.now();
    let rt = this.runtimes.get(pod.metadata.uid);

    if (pod.metadata.deletionTimestamp) {
      if (!rt) {
        rt = this.newRuntime(pod, now);
        rt.sandboxAt = now;
        this.runtimes.set(pod.metadata.uid, rt);
      }
      if (rt.deletingAt === undefined) {
        rt.deletingAt = now;
        for (const c of rt.mains) if (c.phase === 'running' || this.wasRunning(pod, c.name)) this.event(pod, 'Normal', 'Killing', `Stopping container ${c.name}`, c);
        q.add(NAME, key, KILL_MS);
        return;
      }
      if (now >= rt.deletingAt + this.real(KILL_MS)) {
        this.runtimes.delete(pod.metadata.uid);
        if (this.store.get('pods', ns, name)?.metadata.uid === pod.metadata.uid) this.store.remove('pods', ns, name);
      } else q.add(NAME, key, KILL_MS);
      return;
    }

    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') return;
    if (!rt) {
      // Pods a scenario created already running stay as they are.
      if (phase === 'Running') return;
      rt = this.newRuntime(pod, now);
      this.runtimes.set(pod.metadata.uid, rt);
    }
    const node = this.node(pod);
    const ready = (node?.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
    if (!ready) {
      q.add(NAME, key, 5000);
      return;
    }

    // Sandbox, then init containers one at a time, then every app container at once.
    if (now >= rt.sandboxAt && !rt.ips) rt.ips = this.network.allocate(pod.spec.nodeName);
    if (rt.ips) {
      const active = rt.inits.find((c) => !c.initDone);
      if (active && active.next === undefined && active.phase === 'creating') active.next = now;
      if (!active) for (const c of rt.mains) if (c.phase === 'creating' && c.next === undefined) c.next = now;
      for (const c of [...rt.inits, ...rt.mains]) {
        for (const e of c.advance(now)) this.event(pod, e.type, e.reason, e.message, c);
      }
      // An init container finishing unblocks the next one in the same reconcile.
      const nextInit = rt.inits.find((c) => !c.initDone);
      if (nextInit !== active) q.add(NAME, key);
      if (!nextInit) for (const c of rt.mains) if (c.phase === 'creating' && c.next === undefined) q.add(NAME, key);
    }
    this.writeStatus(pod, rt, now);
    const dues = [...rt.inits, ...rt.mains].map((c) => c.next).filter((n): n is number => n !== undefined);
    if (!rt.ips) dues.push(rt.sandboxAt);
    if (dues.length) q.add(NAME, key, Math.max(0, (Math.min(...dues) - Date.now()) * (SANDBOX_MS / this.real(SANDBOX_MS))));
  }

  private wasRunning(pod: IPod, container: string): boolean {
    return Boolean(pod.status?.containerStatuses?.find((s) => s.name === container)?.state?.running);
  }

  private newRuntime(pod: IPod & KObj, now: number): PodRuntime {
    const policy = pod.spec?.restartPolicy ?? 'Always';
    return {
      uid: pod.metadata.uid,
      inits: (pod.spec?.initContainers ?? []).map((c) => new ContainerRuntime(c, true, policy, this.real)),
      mains: (pod.spec?.containers ?? []).map((c) => new ContainerRuntime(c, false, policy, this.real)),
      sandboxAt: now + this.real(SANDBOX_MS),
      transitions: new Map(),
    };
  }

  private event(pod: IPod & KObj, type: 'Normal' | 'Warning', reason: string, message: string, c: ContainerRuntime): void {
    const field = `spec.${c.init ? 'initContainers' : 'containers'}{${c.name}}`;
    const text = reason === 'BackOff' && message.endsWith('in pod') ? `${message} ${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})` : message;
    this.recorder.record(pod, type, reason, text, { component: 'kubelet', host: pod.spec?.nodeName ?? '' }, field);
  }

  private condition(rt: PodRuntime, type: string, ok: boolean, reason?: string): Record<string, unknown> {
    const status = ok ? 'True' : 'False';
    const prev = rt.transitions.get(type);
    const at = prev && prev.status === status ? prev.at : rfc3339();
    rt.transitions.set(type, { status, at });
    const c: Record<string, unknown> = { type, status, lastProbeTime: null, lastTransitionTime: at };
    if (!ok && reason) c.reason = reason;
    return c;
  }

  private writeStatus(pod: IPod & KObj, rt: PodRuntime, now: number): void {
    const iso = (ms: number): string => rfc3339(ms);
    const initsDone = rt.inits.every((c) => c.initDone);
    const mainsReady = rt.mains.every((c) => c.ready);
    const sidecarsReady = rt.inits.filter((c) => c.sidecar).every((c) => c.ready || c.phase === 'running');
    const allReady = initsDone && mainsReady && sidecarsReady;
    const finished = rt.mains.every((c) => c.finished);
    const started = rt.mains.some((c) => c.phase !== 'creating' && c.phase !== 'errImagePull' && c.phase !== 'imagePullBackOff');
    let phase = 'Pending';
    if (initsDone && finished) phase = rt.mains.every((c) => c.exitCode === 0) ? 'Succeeded' : 'Failed';
    else if (initsDone && started) phase = 'Running';
    const failedInit = rt.inits.some((c) => c.finished && c.exitCode !== 0);
    if (failedInit) phase = 'Failed';
    const notReadyReason = phase === 'Succeeded' || phase === 'Failed' ? 'PodCompleted' : 'ContainersNotReady';
    const conditions = [
      this.condition(rt, 'PodReadyToStartContainers', Boolean(rt.ips) && !(phase === 'Succeeded' || phase === 'Failed')),
      this.condition(rt, 'Initialized', initsDone, phase === 'Succeeded' || phase === 'Failed' ? 'PodCompleted' : 'ContainersNotInitialized'),
      this.condition(rt, 'Ready', allReady && !finished, notReadyReason),
      this.condition(rt, 'ContainersReady', allReady && !finished, notReadyReason),
      this.condition(rt, 'PodScheduled', true),
    ];
    const hostIP = this.nodeIP(pod);
    const status: Record<string, unknown> = {
      ...(pod.status ?? {}),
      phase,
      conditions,
      hostIP,
      hostIPs: [{ ip: hostIP }],
      startTime: pod.status?.startTime ?? iso(now),
      containerStatuses: rt.mains.map((c) => c.status(iso)),
    };
    if (rt.inits.length) status.initContainerStatuses = rt.inits.map((c) => c.status(iso));
    if (rt.ips) {
      status.podIP = rt.ips[0];
      status.podIPs = rt.ips.map((ip) => ({ ip }));
    }
    if (JSON.stringify(status) === JSON.stringify(pod.status)) return;
    // The kubelet writes through the status subresource; a concurrent delete wins.
    const cur = this.store.get<IPod>('pods', pod.metadata.namespace, pod.metadata.name);
    if (!cur || cur.metadata.uid !== pod.metadata.uid || cur.metadata.deletionTimestamp) return;
    this.store.update('pods', { ...cur, status } as KObj);
  }

  private nodeIP(pod: IPod): string {
    const node = this.node(pod);
    const addrs = (node?.status as { addresses?: { type: string; address: string }[] } | undefined)?.addresses ?? [];
    return addrs.find((a) => a.type === 'InternalIP')?.address ?? '';
  }
}

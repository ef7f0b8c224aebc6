import type { IPod } from 'kubernetes-models/v1/Pod';
import { ApiError, badRequest, notFound } from '../errors';
import type { Store } from '../store';
import { lineSourceFor } from './log-lines';

// pods/log: the lines of a container's current or previous run, with the query options of
// `kubectl logs` (follow, container, previous, tailLines, sinceSeconds, sinceTime, timestamps, limitBytes).
// https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#read-log-of-the-specified-pod

export interface LogRequest {
  namespace: string;
  pod: string;
  container?: string;
  follow: boolean;
  previous: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  /** sinceTime as epoch milliseconds (the query carries RFC 3339). */
  sinceTime?: number;
  timestamps: boolean;
  limitBytes?: number;
}

const MAX_LINES = 5000;

/** RFC 3339 with nanoseconds, as the kubelet prefixes lines with timestamps=true. */
const nanoTime = (ms: number): string => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');

export class LogBook {
  constructor(
    private readonly store: Store,
    /** Real milliseconds between two lines of a running container. */
    private readonly periodMs: number,
  ) {}

  private resolve(req: LogRequest): { pod: IPod; container: string; image: string; startMs: number; endMs?: number; crashed: boolean } {
    const pod = this.store.get<IPod>('pods', req.namespace, req.pod);
    if (!pod) throw notFound('', 'pods', req.pod);
    const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
    let name = req.container;
    if (!name) {
      const defaultName = pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'];
      if (defaultName) name = defaultName;
      else if ((pod.spec?.containers ?? []).length === 1) name = pod.spec!.containers[0]!.name;
      else {
        throw badRequest(`a container name must be specified for pod ${req.pod}, choose one of: [${(pod.spec?.containers ?? []).map((c) => c.name).join(' ')}]`);
      }
    }
    const spec = containers.find((c) => c.name === name);
    if (!spec) throw badRequest(`container ${name} is not valid for pod ${req.pod}`);
    const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
    const st = statuses.find((s) => s.name === name);
    if (req.previous) {
      const last = st?.lastState?.terminated;
      if (!last) throw badRequest(`previous terminated container "${name}" in pod "${req.pod}" not found`);
      return { pod, container: name, image: spec.image ?? '', startMs: Date.parse(last.startedAt ?? ''), endMs: Date.parse(last.finishedAt ?? ''), crashed: last.exitCode !== 0 };
    }
    const running = st?.state?.running;
    const terminated = st?.state?.terminated;
    if (running) return { pod, container: name, image: spec.image ?? '', startMs: Date.parse(running.startedAt ?? '') || Date.now(), crashed: false };
    if (terminated) return { pod, container: name, image: spec.image ?? '', startMs: Date.parse(terminated.startedAt ?? ''), endMs: Date.parse(terminated.finishedAt ?? ''), crashed: terminated.exitCode !== 0 };
    const reason = st?.state?.waiting?.reason ?? 'ContainerCreating';
    if ((reason === 'CrashLoopBackOff' || reason === 'Error') && st?.lastState?.terminated) {
      const last = st.lastState.terminated;
      return { pod, container: name, image: spec.image ?? '', startMs: Date.parse(last.startedAt ?? ''), endMs: Date.parse(last.finishedAt ?? ''), crashed: true };
    }
    const msg = reason === 'ImagePullBackOff' || reason === 'ErrImagePull' ? `container "${name}" in pod "${req.pod}" is waiting to start: trying and failing to pull image` : `container "${name}" in pod "${req.pod}" is waiting to start: ${reason}`;
    throw new ApiError(400, 'BadRequest', msg);
  }

  /** Writes the lines that exist now; when following, keeps writing until stopped or the container ends. */
  stream(req: LogRequest, write: (chunk: string) => void, end: () => void): () => void {
    const r = this.resolve(req);
    const src = lineSourceFor(r.image);
    const lineAt = (i: number): { text: string; at: number } => {
      if (i < src.startup.length) return { text: src.startup[i]!, at: r.startMs + i };
      const at = r.startMs + (i - src.startup.length + 1) * this.periodMs;
      return { text: src.line(i, new Date(at)), at };
    };
    const until = r.endMs ?? Date.now();
    let count = src.startup.length + Math.max(0, Math.floor((until - r.startMs) / this.periodMs));
    const first = Math.max(0, count - MAX_LINES);
    const lines: { text: string; at: number }[] = [];
    for (let i = first; i < count; i++) lines.push(lineAt(i));
    if (r.crashed && r.endMs !== undefined) lines.push({ text: src.crash ?? 'Error: exiting with status 1', at: r.endMs });
    let selected = lines;
    if (req.sinceSeconds !== undefined) selected = selected.filter((l) => l.at >= Date.now() - req.sinceSeconds! * 1000);
    if (req.sinceTime !== undefined) selected = selected.filter((l) => l.at >= req.sinceTime!);
    if (req.tailLines !== undefined) selected = req.tailLines <= 0 ? [] : selected.slice(-req.tailLines);
    const fmt = (l: { text: string; at: number }): string => `${req.timestamps ? `${nanoTime(l.at)} ` : ''}${l.text}\n`;
    let text = selected.map(fmt).join('');
    if (req.limitBytes !== undefined) text = text.slice(0, req.limitBytes);
    if (text) write(text);
    if (!req.follow || r.endMs !== undefined) {
      end();
      return () => undefined;
    }
    const uid = r.pod.metadata?.uid;
    const timer = setInterval(() => {
      const pod = this.store.get<IPod>('pods', req.namespace, req.pod);
      const st = [...(pod?.status?.initContainerStatuses ?? []), ...(pod?.status?.containerStatuses ?? [])].find((s) => s.name === r.container);
      if (!pod || pod.metadata?.uid !== uid || !st?.state?.running) {
        clearInterval(timer);
        end();
        return;
      }
      const now = Date.now();
      const target = src.startup.length + Math.floor((now - r.startMs) / this.periodMs);
      let chunk = '';
      for (; count < target; count++) chunk += fmt(lineAt(count));
      if (chunk) write(chunk);
    }, Math.min(this.periodMs, 1000));
    return () => clearInterval(timer);
  }
}

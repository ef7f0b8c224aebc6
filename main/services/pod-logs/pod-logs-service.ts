import { randomUUID } from 'node:crypto';
import type { LogBatch, LogOptions, LogSourceState, LogTarget } from '../../contract';
import { parseLabelSelector, type Pod } from '../../kube';
import type { KubeTransport, WatchStream } from '../cluster/kube-http';
import { LogBatcher, type BatcherDeps } from './log-batcher';
import { logPath, logQuery } from './log-query';

// Log streams: one pods/log request per pod (per container), their lines batched into one
// stream for the page. A workload's stream reads every pod its selector matches, up to a cap
// (kubectl logs -l reads 5 at a time by default), and while following it looks for new pods
// now and then, so pods a rollout or a crash loop replaces join the stream.

export const MAX_PODS = 20;
export const RELIST_MS = 5_000;

export interface StreamSink {
  batch(batch: LogBatch): void;
  source(state: LogSourceState): void;
}

export interface PodLogsDeps {
  /** The connected cluster's transport, if any. */
  transport(): KubeTransport | undefined;
  setTimer?: BatcherDeps['setTimer'];
  clearTimer?: BatcherDeps['clearTimer'];
  relistMs?: number;
}

interface OpenStream {
  batcher: LogBatcher;
  /** Every pod/container read so far (a finished one is not read twice), and the ones still open. */
  requests: Map<string, WatchStream>;
  active: Set<string>;
  relist?: NodeJS.Timeout;
  stopped: boolean;
}

function notConnected(): Error {
  return Object.assign(new Error('Not connected to a cluster.'), { code: 'not-connected', hint: 'Connect to a cluster first.' });
}

/** The container kubectl picks when none is named: the default-container annotation, else the first. */
export function defaultContainer(pod: Pod): string | undefined {
  return pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'] ?? pod.spec?.containers?.[0]?.name;
}

export class PodLogs {
  private readonly streams = new Map<string, OpenStream>();

  constructor(private readonly deps: PodLogsDeps) {}

  async start(target: LogTarget, options: LogOptions, sink: StreamSink): Promise<{ streamId: string; pods: string[]; podsLeftOut: number }> {
    const transport = this.deps.transport();
    if (!transport) throw notConnected();
    const streamId = randomUUID();
    const stream: OpenStream = {
      batcher: new LogBatcher({
        emit: (b) => sink.batch({ streamId, ...b }),
        setTimer: this.deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms)),
        clearTimer: this.deps.clearTimer ?? ((h) => clearTimeout(h as NodeJS.Timeout)),
      }),
      requests: new Map(),
      active: new Set(),
      stopped: false,
    };

    const open = (pod: string, container: string | undefined): void => {
      const key = `${pod}/${container ?? ''}`;
      if (stream.stopped || stream.requests.has(key)) return;
      const source = stream.batcher.source(pod, container ?? '');
      const report = (state: LogSourceState['state'], message?: string): void =>
        sink.source({ streamId, pod, container: container ?? '', state, ...(message ? { message } : {}) });
      const request = transport.stream(
        // A followed log may be quiet for hours: no idle timeout (0 turns it off).
        { path: logPath(target.namespace, pod), query: logQuery(options, container), idleTimeoutMs: 0, keepBlankLines: true },
        (line) => stream.batcher.push(source, line),
        () => report('streaming'),
      );
      stream.requests.set(key, request);
      stream.active.add(key);
      request.done.finally(() => stream.active.delete(key)).then(
        () => {
          if (stream.stopped) return;
          stream.batcher.flush();
          report('ended');
        },
        (error: unknown) => {
          if (stream.stopped) return;
          stream.batcher.flush();
          report('failed', error instanceof Error ? error.message : String(error));
        },
      );
    };

    if (target.kind === 'pod') {
      this.streams.set(streamId, stream);
      open(target.pod, options.container);
      return { streamId, pods: [target.pod], podsLeftOut: 0 };
    }

    try {
      parseLabelSelector(target.selector);
    } catch (error) {
      throw Object.assign(new Error(`The selector "${target.selector}" is not valid: ${(error as Error).message}`), { code: 'invalid-selector' });
    }
    const list = async (): Promise<Pod[]> => {
      const answer = await transport.request<{ items?: Pod[] }>({
        path: `/api/v1/namespaces/${encodeURIComponent(target.namespace)}/pods`,
        query: { labelSelector: target.selector },
        idleTimeoutMs: 15_000,
      });
      // Oldest first, so the cap keeps the pods that have been there longest (stable across relists).
      return (answer.items ?? []).sort((a, b) => String(a.metadata?.creationTimestamp ?? '').localeCompare(String(b.metadata?.creationTimestamp ?? '')));
    };
    const openAll = (pods: Pod[]): { opened: string[]; leftOut: number } => {
      const live = pods.filter((p) => !p.metadata?.deletionTimestamp || stream.requests.has(`${p.metadata?.name}/`));
      const opened: string[] = [];
      for (const pod of live) {
        const name = pod.metadata?.name;
        if (!name) continue;
        const container = options.container && (pod.spec?.containers ?? []).concat(pod.spec?.initContainers ?? []).some((c) => c.name === options.container) ? options.container : defaultContainer(pod);
        if (!stream.requests.has(`${name}/${container ?? ''}`) && stream.active.size >= MAX_PODS) continue;
        open(name, container);
        opened.push(name);
      }
      return { opened, leftOut: Math.max(0, live.length - opened.length) };
    };
    const pods = await list();
    this.streams.set(streamId, stream);
    const first = openAll(pods);
    if (options.follow) {
      const tick = async (): Promise<void> => {
        try {
          if (!stream.stopped) openAll(await list());
        } catch {
          // The next relist tries again; the open streams carry on regardless.
        }
        if (!stream.stopped) stream.relist = setTimeout(() => void tick(), this.deps.relistMs ?? RELIST_MS);
      };
      stream.relist = setTimeout(() => void tick(), this.deps.relistMs ?? RELIST_MS);
    }
    return { streamId, pods: first.opened, podsLeftOut: first.leftOut };
  }

  ack(streamId: string, lines: number): void {
    this.streams.get(streamId)?.batcher.ack(lines);
  }

  stop(streamId: string): void {
    const stream = this.streams.get(streamId);
    if (!stream) return;
    this.streams.delete(streamId);
    stream.stopped = true;
    if (stream.relist) clearTimeout(stream.relist);
    for (const request of stream.requests.values()) request.abort();
    stream.requests.clear();
    stream.active.clear();
    stream.batcher.close();
  }

  stopAll(): void {
    for (const id of [...this.streams.keys()]) this.stop(id);
  }

  /** Open streams (tests check that closing a panel or page leaves none). */
  get openCount(): number {
    return this.streams.size;
  }
}

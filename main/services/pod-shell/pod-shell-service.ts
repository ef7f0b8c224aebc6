import { randomUUID } from 'node:crypto';
import type { KubeConfig } from '@kubernetes/client-node';
import type { ShellExit, ShellOutput } from '../../contract';
import type { Pod } from '../../kube';
import type { KubeTransport } from '../cluster/kube-http';
import { openExec, type ExecConnection, type ExecEnd, type ExecHandlers, type ExecTarget } from './exec-connection';
import { couldBeRuntimeComplaint, NO_SHELL_HINT, noShellMessage, saysProgramMissing, SHELLS } from './shell-candidates';

// Shell sessions in containers: one exec with a TTY per session, output batched for 5 ms (as
// the terminal's output), input and resizes passed through. A session belongs to the page that
// started it and ends when that page closes it or goes away. Typed input is never logged.

export const OUTPUT_FLUSH_MS = 5;
/**
 * Flow control by acknowledgement, as the terminal's: above HIGH unacknowledged characters main
 * stops reading the exec socket, below LOW it reads again. The page acks what xterm has written,
 * in pieces no larger than a batch, and every piece eventually, so the count always falls below
 * LOW once the page catches up.
 */
export const HIGH_WATERMARK_CHARS = 200_000;
export const LOW_WATERMARK_CHARS = 20_000;
/** A shell that printed nothing for this long after starting has started (the runtime fails at once when it cannot). */
export const SETTLE_MS = 1_500;

export interface ShellSink {
  output(payload: ShellOutput): void;
  exit(payload: ShellExit): void;
}

export interface PodShellDeps {
  /** The connected context's configuration (credentials stay in main). */
  kubeConfig(): KubeConfig | undefined;
  /** For reading the pod when no container is named. */
  transport(): KubeTransport | undefined;
  open?: (config: KubeConfig, target: ExecTarget, handlers: ExecHandlers) => Promise<ExecConnection>;
  settleMs?: number;
}

interface Session {
  connection: ExecConnection;
  closed: boolean;
  unacked: number;
  paused: boolean;
}

export interface ShellStart {
  namespace: string;
  pod: string;
  container: string;
  cols: number;
  rows: number;
}

function withCode(message: string, code: string, hint?: string): Error {
  return Object.assign(new Error(message), { code, ...(hint ? { hint } : {}) });
}

export class PodShells {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly deps: PodShellDeps) {}

  async start(req: ShellStart, sink: ShellSink): Promise<{ sessionId: string; shell: string }> {
    const config = this.deps.kubeConfig();
    if (!config) throw withCode('Not connected to a cluster.', 'not-connected', 'Connect to a cluster first.');
    const sessionId = randomUUID();
    const failures: Array<{ shell: string; reason: string }> = [];
    for (const shell of SHELLS) {
      const outcome = await this.attempt(config, sessionId, { ...req, command: [shell] }, sink);
      if (outcome.kind === 'started') return { sessionId, shell };
      failures.push({ shell, reason: outcome.reason });
    }
    throw withCode(noShellMessage(req.container, failures), 'no-shell', NO_SHELL_HINT);
  }

  /** One shell: resolves 'started' once it is clearly running, 'missing' when the image lacks it; other refusals throw. */
  private attempt(config: KubeConfig, sessionId: string, target: ExecTarget, sink: ShellSink): Promise<{ kind: 'started' } | { kind: 'missing'; reason: string }> {
    return new Promise((resolve, reject) => {
      let decided = false;
      let held = '';
      let pending = '';
      let flushTimer: NodeJS.Timeout | undefined;
      let settleTimer: NodeJS.Timeout | undefined;
      const emit = (data: string): void => {
        const session = this.sessions.get(sessionId);
        if (session && !session.closed) {
          session.unacked += data.length;
          if (!session.paused && session.unacked > HIGH_WATERMARK_CHARS) {
            session.paused = true;
            session.connection.pause();
          }
        }
        sink.output({ sessionId, data });
      };
      const send = (data: string): void => {
        pending += data;
        flushTimer ??= setTimeout(() => {
          flushTimer = undefined;
          const out = pending;
          pending = '';
          if (out) emit(out);
        }, OUTPUT_FLUSH_MS);
      };
      const flushNow = (): void => {
        if (flushTimer) clearTimeout(flushTimer);
        flushTimer = undefined;
        if (pending) emit(pending);
        pending = '';
      };
      const started = (connection: ExecConnection): void => {
        if (decided) return;
        decided = true;
        if (settleTimer) clearTimeout(settleTimer);
        this.sessions.set(sessionId, { connection, closed: false, unacked: 0, paused: false });
        if (held) send(held);
        held = '';
        resolve({ kind: 'started' });
      };
      let connection: ExecConnection | undefined;
      const handlers: ExecHandlers = {
        output: (data) => {
          if (decided) return send(data);
          held += data;
          if (!couldBeRuntimeComplaint(held) && connection) started(connection);
        },
        end: (end: ExecEnd) => {
          if (!decided) {
            decided = true;
            if (settleTimer) clearTimeout(settleTimer);
            const text = end.kind === 'failed' ? end.message : held;
            const missing = (end.kind === 'failed' || (end.kind === 'exit' && (end.exitCode === 126 || end.exitCode === 127))) && saysProgramMissing(text);
            if (missing) return resolve({ kind: 'missing', reason: text.trim() });
            if (end.kind === 'failed') return reject(withCode(end.message, 'exec-failed'));
            // It ran and ended at once (e.g. `exit` in a profile): a session that has already ended.
            this.sessions.set(sessionId, { connection: connection!, closed: true, unacked: 0, paused: false });
            if (held) send(held);
            resolve({ kind: 'started' });
          }
          flushNow();
          const session = this.sessions.get(sessionId);
          if (session) session.closed = true;
          this.sessions.delete(sessionId);
          sink.exit({
            sessionId,
            exitCode: end.kind === 'exit' ? end.exitCode : null,
            ...(end.kind === 'failed' ? { message: end.message } : end.kind === 'closed' ? { message: 'The connection to the container ended.' } : {}),
          });
        },
      };
      (this.deps.open ?? openExec)(config, target, handlers).then(
        (c) => {
          connection = c;
          if (decided) {
            // Ended before the socket was handed over: nothing to keep.
            c.close();
            return;
          }
          if (held && !couldBeRuntimeComplaint(held)) started(c);
          else settleTimer = setTimeout(() => started(c), this.deps.settleMs ?? SETTLE_MS);
        },
        (error: unknown) => {
          if (decided) return;
          decided = true;
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  /** The container `kubectl exec` picks when none is named: the default-container annotation, else the first. */
  async defaultContainer(namespace: string, pod: string): Promise<string> {
    const transport = this.deps.transport();
    if (!transport) throw withCode('Not connected to a cluster.', 'not-connected', 'Connect to a cluster first.');
    const object = await transport.request<Pod>({ path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}`, idleTimeoutMs: 15_000 });
    const name = object.metadata?.annotations?.['kubectl.kubernetes.io/default-container'] ?? object.spec?.containers?.[0]?.name;
    if (!name) throw withCode(`Pod ${pod} has no containers.`, 'no-container');
    return name;
  }

  input(sessionId: string, data: string): boolean {
    const session = this.sessions.get(sessionId);
    if (!session || session.closed) return false;
    session.connection.write(data);
    return true;
  }

  /** The page has written this many characters of the session's output. */
  ack(sessionId: string, chars: number): void {
    const session = this.sessions.get(sessionId);
    if (!session) return;
    session.unacked = Math.max(0, session.unacked - chars);
    if (session.paused && session.unacked < LOW_WATERMARK_CHARS) {
      session.paused = false;
      session.connection.resume();
    }
  }

  resize(sessionId: string, cols: number, rows: number): boolean {
    const session = this.sessions.get(sessionId);
    if (!session || session.closed) return false;
    session.connection.resize(cols, rows);
    return true;
  }

  close(sessionId: string): void {
    const session = this.sessions.get(sessionId);
    if (!session) return;
    this.sessions.delete(sessionId);
    session.closed = true;
    session.connection.close();
  }

  closeAll(): void {
    for (const id of [...this.sessions.keys()]) this.close(id);
  }

  get openCount(): number {
    return this.sessions.size;
  }
}

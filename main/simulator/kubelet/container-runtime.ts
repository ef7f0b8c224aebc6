import { createHash, randomBytes } from 'node:crypto';
import type { IContainer } from 'kubernetes-models/v1/Container';
import { behaviourOf, crashBackoffMs, pullBackoffMs, type Behaviour } from './behaviour';

// One container's life in the simulated kubelet, as a small state machine with real-time due
// times (status timestamps only have second precision, too coarse at speed 10):
// creating -> running -> terminated -> (restart | CrashLoopBackOff -> running ...)
// creating -> ErrImagePull -> ImagePullBackOff -> creating ...

export type Phase = 'creating' | 'errImagePull' | 'imagePullBackOff' | 'running' | 'terminated' | 'crashLoopBackOff';

export interface Run {
  startedAt: number;
  finishedAt: number;
  exitCode: number;
  containerID: string;
}

export type KubeletEvent = { type: 'Normal' | 'Warning'; reason: string; message: string };

export class ContainerRuntime {
  phase: Phase = 'creating';
  next: number | undefined;
  restarts = 0;
  pullFailures = 0;
  ready = false;
  startedAt = 0;
  finishedAt = 0;
  exitCode = 0;
  containerID = '';
  last: Run | undefined;
  readonly behaviour: Behaviour;
  readonly sidecar: boolean;

  constructor(
    readonly spec: IContainer,
    readonly init: boolean,
    private readonly restartPolicy: string,
    private readonly real: (simMs: number) => number,
  ) {
    this.behaviour = behaviourOf(spec, restartPolicy, init);
    this.sidecar = init && spec.restartPolicy === 'Always';
  }

  get name(): string {
    return this.spec.name;
  }

  /** Init containers are done once they exited 0 (or, for sidecars, once started). */
  get initDone(): boolean {
    return this.sidecar ? this.phase === 'running' : this.phase === 'terminated' && this.exitCode === 0;
  }

  private shouldRestart(): boolean {
    if (this.sidecar) return true;
    if (this.init) return this.exitCode !== 0 && this.restartPolicy !== 'Never';
    if (this.restartPolicy === 'Always') return true;
    return this.restartPolicy === 'OnFailure' && this.exitCode !== 0;
  }

  /** Whether this container has finished for good (no restart coming). */
  get finished(): boolean {
    return this.phase === 'terminated' && !this.shouldRestart();
  }

  private start(now: number, events: KubeletEvent[], pulled: boolean): void {
    const image = this.spec.image ?? '';
    if (pulled) events.push({ type: 'Normal', reason: 'Pulled', message: `Container image "${image}" already present on machine` });
    events.push({ type: 'Normal', reason: 'Created', message: `Created container ${this.name}` });
    events.push({ type: 'Normal', reason: 'Started', message: `Started container ${this.name}` });
    this.phase = 'running';
    this.startedAt = now;
    this.containerID = `containerd://${randomBytes(32).toString('hex')}`;
    this.ready = this.behaviour.readyAfterMs === 0 && !(this.init && !this.sidecar);
    const dues: number[] = [];
    if (this.behaviour.runMs !== undefined) dues.push(now + this.real(this.behaviour.runMs));
    if (!this.ready && this.behaviour.readyAfterMs > 0) dues.push(now + this.real(this.behaviour.readyAfterMs));
    this.next = dues.length ? Math.min(...dues) : undefined;
  }

  /** Advances through every transition that is due; returns the events to record. */
  advance(now: number): KubeletEvent[] {
    const events: KubeletEvent[] = [];
    const image = this.spec.image ?? '';
    for (let guard = 0; guard < 8 && this.next !== undefined && this.next <= now; guard++) {
      switch (this.phase) {
        case 'creating':
          events.push({ type: 'Normal', reason: 'Pulling', message: `Pulling image "${image}"` });
          if (this.behaviour.pullFails) {
            this.pullFailures++;
            events.push({
              type: 'Warning',
              reason: 'Failed',
              message: `Failed to pull image "${image}": rpc error: code = NotFound desc = failed to pull and unpack image "${normalizeImage(image)}": failed to resolve reference "${normalizeImage(image)}": ${normalizeImage(image)}: not found`,
            });
            events.push({ type: 'Warning', reason: 'Failed', message: 'Error: ErrImagePull' });
            this.phase = 'errImagePull';
            this.next = now + this.real(2000);
          } else {
            events.push({ type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image}" in 1.284s (1.284s including waiting). Image size: 28384752 bytes.` });
            this.start(now, events, false);
          }
          break;
        case 'errImagePull':
          events.push({ type: 'Normal', reason: 'BackOff', message: `Back-off pulling image "${image}"` });
          events.push({ type: 'Warning', reason: 'Failed', message: 'Error: ImagePullBackOff' });
          this.phase = 'imagePullBackOff';
          this.next = now + this.real(pullBackoffMs(this.pullFailures));
          break;
        case 'imagePullBackOff':
          this.phase = 'creating';
          this.next = now;
          break;
        case 'running': {
          const readyAt = this.startedAt + this.real(this.behaviour.readyAfterMs);
          if (!this.ready && !(this.init && !this.sidecar) && now >= readyAt) this.ready = true;
          const endAt = this.behaviour.runMs !== undefined ? this.startedAt + this.real(this.behaviour.runMs) : undefined;
          if (endAt !== undefined && now >= endAt) {
            this.phase = 'terminated';
            this.finishedAt = now;
            this.exitCode = this.behaviour.exitCode;
            this.ready = false;
            this.next = this.shouldRestart() ? now + this.real(1000) : undefined;
          } else {
            const dues = [endAt, this.ready ? undefined : readyAt].filter((d): d is number => d !== undefined && d > now);
            this.next = dues.length ? Math.min(...dues) : undefined;
          }
          break;
        }
        case 'terminated':
          this.last = { startedAt: this.startedAt, finishedAt: this.finishedAt, exitCode: this.exitCode, containerID: this.containerID };
          if (this.restarts === 0 && this.exitCode === 0 && this.init) {
            this.next = undefined;
            break;
          }
          if (this.restarts === 0) {
            this.restarts = 1;
            this.start(now, events, true);
          } else {
            this.phase = 'crashLoopBackOff';
            this.next = now + this.real(crashBackoffMs(this.restarts));
            events.push({ type: 'Warning', reason: 'BackOff', message: `Back-off restarting failed container ${this.name} in pod` });
          }
          break;
        case 'crashLoopBackOff':
          this.restarts++;
          this.start(now, events, true);
          break;
      }
    }
    return events;
  }

  /** The v1 ContainerStatus of this container now. */
  status(iso: (ms: number) => string): Record<string, unknown> {
    const image = normalizeImage(this.spec.image ?? '');
    const s: Record<string, unknown> = { name: this.name, image, imageID: '', ready: this.ready, restartCount: this.restarts, started: this.phase === 'running' };
    if (this.phase === 'running' || this.phase === 'terminated' || this.phase === 'crashLoopBackOff') {
      s.imageID = `${image.replace(/:[^:/]+$/, '')}@sha256:${createHash('sha256').update(image).digest('hex')}`;
      s.containerID = this.containerID;
    }
    switch (this.phase) {
      case 'creating':
        s.state = { waiting: { reason: this.init ? 'PodInitializing' : 'ContainerCreating' } };
        break;
      case 'errImagePull':
        s.state = { waiting: { reason: 'ErrImagePull', message: `rpc error: code = NotFound desc = failed to pull and unpack image "${image}": failed to resolve reference "${image}": ${image}: not found` } };
        break;
      case 'imagePullBackOff':
        s.state = { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${this.spec.image ?? ''}"` } };
        break;
      case 'running':
        s.state = { running: { startedAt: iso(this.startedAt) } };
        break;
      case 'terminated':
        s.state = { terminated: { exitCode: this.exitCode, reason: this.exitCode === 0 ? 'Completed' : 'Error', startedAt: iso(this.startedAt), finishedAt: iso(this.finishedAt), containerID: this.containerID } };
        break;
      case 'crashLoopBackOff':
        s.state = { waiting: { reason: 'CrashLoopBackOff', message: `back-off ${Math.round(crashBackoffMs(this.restarts) / 1000)}s restarting failed container=${this.name} pod=${''}` } };
        break;
    }
    s.lastState = this.last ? { terminated: { exitCode: this.last.exitCode, reason: this.last.exitCode === 0 ? 'Completed' : 'Error', startedAt: iso(this.last.startedAt), finishedAt: iso(this.last.finishedAt), containerID: this.last.containerID } } : {};
    return s;
  }
}

/** "nginx" -> "docker.io/library/nginx:latest", as containerd reports images. */
export function normalizeImage(image: string): string {
  let name = image;
  const last = name.split('/').pop() ?? name;
  if (!last.includes(':') && !name.includes('@')) name += ':latest';
  const first = name.split('/')[0]!;
  if (!name.includes('/')) return `docker.io/library/${name}`;
  if (!first.includes('.') && !first.includes(':') && first !== 'localhost') return `docker.io/${name}`;
  return name;
}

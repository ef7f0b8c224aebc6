import type { IContainer } from 'kubernetes-models/v1/Container';

// How a simulated container behaves, read from its spec the way a real one would behave:
// an image that does not exist cannot be pulled; `exit 1` in the command crashes (and, under
// restartPolicy Always, crash-loops); `sleep 30` runs for 30 s; a plain server runs forever.
// No annotations needed: scenarios write the same manifests a user would.

export interface Behaviour {
  pullFails: boolean;
  /** Simulated milliseconds the process runs before exiting; undefined = runs until killed. */
  runMs?: number;
  exitCode: number;
  /** Simulated milliseconds before the readiness probe passes. */
  readyAfterMs: number;
}

const MISSING_IMAGE = /(does-not-exist|doesnotexist|nonexistent|no-such-image|not-a-real-image)/;

export function behaviourOf(c: IContainer, restartPolicy: string | undefined, isInit: boolean): Behaviour {
  const script = [...(c.command ?? []), ...(c.args ?? [])].join(' ');
  const exitMatch = /exit\s+(\d+)/.exec(script);
  const sleepMatch = /sleep\s+(\d+)/.exec(script);
  const probe = c.readinessProbe;
  const readyAfterMs = probe ? ((probe.initialDelaySeconds ?? 0) + (probe.periodSeconds ?? 10) / 2) * 1000 : 0;
  const b: Behaviour = { pullFails: MISSING_IMAGE.test(c.image ?? ''), exitCode: exitMatch ? Number(exitMatch[1]) : 0, readyAfterMs };
  if (exitMatch || sleepMatch) {
    b.runMs = (sleepMatch ? Number(sleepMatch[1]) : 0) * 1000 + 2000;
  } else if (isInit && c.restartPolicy !== 'Always') {
    b.runMs = 1500; // an init container does its job and exits
  } else if (restartPolicy === 'Never' || restartPolicy === 'OnFailure') {
    b.runMs = 4000; // a job's container: a short batch task
  }
  return b;
}

/** CrashLoopBackOff delay: 10 s doubling per restart, capped at 5 minutes (kubelet's backoff). */
export function crashBackoffMs(restartCount: number): number {
  return Math.min(300_000, 10_000 * 2 ** Math.max(0, restartCount - 1));
}

/** Image pull back-off, same curve. */
export const pullBackoffMs = crashBackoffMs;

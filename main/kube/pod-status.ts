import { age, toMillis } from './age';
import type { Container, Pod } from './types';

// The READY / STATUS / RESTARTS cells of `kubectl get pods`, ported from printPod in
// kubernetes/pkg/printers/internalversion/printers.go (1.32), including sidecar containers
// (init containers with restartPolicy: Always, https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/).

export interface PodColumns {
  ready: string; // "1/1"
  status: string; // "Running", "Init:0/2", "CrashLoopBackOff", "Terminating", ...
  restarts: string; // "0" or "5 (2m ago)"
  restartCount: number;
  lastRestartMs?: number;
}

// node.NodeUnreachablePodReason in kubernetes/pkg/util/node.
const NODE_UNREACHABLE_REASON = 'NodeLost';

function isRestartableInitContainer(c: Container | undefined): boolean {
  return c?.restartPolicy === 'Always';
}

function hasCondition(pod: Pod, type: string): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === type && c.status === 'True');
}

// podutil.IsPodPhaseTerminal
function isTerminalPhase(phase: string | undefined): boolean {
  return phase === 'Failed' || phase === 'Succeeded';
}

export function podColumns(pod: Pod, now: number = Date.now()): PodColumns {
  const spec = pod.spec;
  const status = pod.status ?? {};
  let restarts = 0;
  let restartableInitRestarts = 0;
  let totalContainers = spec?.containers.length ?? 0;
  let readyContainers = 0;
  let lastRestart = 0;
  let lastRestartableInitRestart = 0;

  const podPhase = status.phase ?? '';
  let reason = status.reason ? status.reason : podPhase;

  // A pod held back by scheduling gates reads "SchedulingGated".
  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }

  const initContainers = new Map<string, Container>();
  for (const c of spec?.initContainers ?? []) {
    initContainers.set(c.name, c);
    if (isRestartableInitContainer(c)) totalContainers++;
  }

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const container = initStatuses[i]!;
    restarts += container.restartCount;
    const lastTerminated = toMillis(container.lastState?.terminated?.finishedAt);
    if (lastTerminated !== undefined && lastTerminated > lastRestart) lastRestart = lastTerminated;
    const restartable = isRestartableInitContainer(initContainers.get(container.name));
    if (restartable) {
      restartableInitRestarts += container.restartCount;
      if (lastTerminated !== undefined && lastTerminated > lastRestartableInitRestart) {
        lastRestartableInitRestart = lastTerminated;
      }
    }
    const terminated = container.state?.terminated;
    const waiting = container.state?.waiting;
    if (terminated && terminated.exitCode === 0) continue;
    if (restartable && container.started === true) {
      if (container.ready) readyContainers++;
      continue;
    }
    if (terminated) {
      // initialization failed
      if (!terminated.reason) {
        reason = terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode}`;
      } else {
        reason = `Init:${terminated.reason}`;
      }
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${spec?.initContainers?.length ?? 0}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || hasCondition(pod, 'Initialized')) {
    restarts = restartableInitRestarts;
    lastRestart = lastRestartableInitRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const container = statuses[i]!;
      restarts += container.restartCount;
      const lastTerminated = toMillis(container.lastState?.terminated?.finishedAt);
      if (lastTerminated !== undefined && lastTerminated > lastRestart) lastRestart = lastTerminated;
      const waiting = container.state?.waiting;
      const terminated = container.state?.terminated;
      if (waiting?.reason) {
        reason = waiting.reason;
      } else if (terminated?.reason) {
        reason = terminated.reason;
      } else if (terminated) {
        reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`;
      } else if (container.ready && container.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // A pod whose last container completed but another still runs is not "Completed".
    if (reason === 'Completed' && hasRunning) {
      reason = hasCondition(pod, 'Ready') ? 'Running' : 'NotReady';
    }
  }

  const deleting = pod.metadata?.deletionTimestamp !== undefined && pod.metadata?.deletionTimestamp !== null;
  if (deleting && status.reason === NODE_UNREACHABLE_REASON) {
    reason = 'Unknown';
  } else if (deleting && !isTerminalPhase(podPhase)) {
    reason = 'Terminating';
  }

  let restartsText = String(restarts);
  if (restarts !== 0 && lastRestart !== 0) restartsText = `${restarts} (${age(new Date(lastRestart), now)} ago)`;

  const result: PodColumns = {
    ready: `${readyContainers}/${totalContainers}`,
    status: reason,
    restarts: restartsText,
    restartCount: restarts,
  };
  if (lastRestart !== 0) result.lastRestartMs = lastRestart;
  return result;
}

// The wide cells: IP, NODE, NOMINATED NODE, READINESS GATES.
export function podWideColumns(pod: Pod): { ip: string; node: string; nominatedNode: string; readinessGates: string } {
  const ip = pod.status?.podIPs?.[0]?.ip || '<none>';
  const node = pod.spec?.nodeName || '<none>';
  const nominatedNode = pod.status?.nominatedNodeName || '<none>';
  let readinessGates = '<none>';
  const gates = pod.spec?.readinessGates ?? [];
  if (gates.length > 0) {
    let trueConditions = 0;
    for (const gate of gates) {
      const cond = (pod.status?.conditions ?? []).find((c) => c.type === gate.conditionType);
      if (cond?.status === 'True') trueConditions++;
    }
    readinessGates = `${trueConditions}/${gates.length}`;
  }
  return { ip, node, nominatedNode, readinessGates };
}

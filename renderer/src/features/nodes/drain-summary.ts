import type { DrainPodState, DrainProgress, PodRow } from '../../../../main/contract';

/** What a drain of these pods (those on the node now) would do, for the confirmation. */
export interface DrainPreview {
  /** Pods that would be evicted. */
  evict: number;
  /** DaemonSet pods: left alone (the DaemonSet would put them straight back). */
  daemonSet: number;
  /** Pods no controller manages: evicting them loses them, so kubectl wants --force. */
  bare: string[];
}

const done = (p: PodRow) => p.status === 'Completed' || p.status === 'Succeeded' || p.status === 'Failed' || p.status === 'Error';

/** kubectl drain's filters as far as a pod row shows them (mirror pods are owned by their Node). */
export function previewDrain(pods: readonly PodRow[]): DrainPreview {
  let evict = 0;
  let daemonSet = 0;
  const bare: string[] = [];
  for (const p of pods) {
    if (p.owner?.kind === 'DaemonSet') daemonSet++;
    else if (p.owner?.kind === 'Node') continue;
    else {
      evict++;
      if (!p.owner && !done(p)) bare.push(`${p.namespace ?? ''}/${p.name}`);
    }
  }
  return { evict, daemonSet, bare };
}

export const FINAL_PHASES: readonly DrainProgress['phase'][] = ['done', 'failed', 'cancelled', 'timeout'];

export interface DrainSummary {
  finished: boolean;
  /** e.g. "Evicting: 3 of 5 pods gone, 1 blocked by a PodDisruptionBudget." */
  headline: string;
  counts: Record<DrainPodState, number>;
}

const PHASE_WORDS: Record<DrainProgress['phase'], string> = {
  cordoning: 'Cordoning',
  evicting: 'Evicting',
  waiting: 'Waiting for evicted pods to stop',
  done: 'Drained',
  failed: 'Drain failed',
  cancelled: 'Drain cancelled',
  timeout: 'Drain timed out',
};

/** Where a drain stands, from its latest progress event. */
export function summariseDrain(p: DrainProgress): DrainSummary {
  const counts: Record<DrainPodState, number> = { pending: 0, evicting: 0, blocked: 0, evicted: 0, gone: 0, failed: 0 };
  for (const pod of p.pods) counts[pod.state]++;
  const total = p.pods.length;
  const parts = [`${counts.gone} of ${total} ${total === 1 ? 'pod' : 'pods'} gone`];
  if (counts.evicted) parts.push(`${counts.evicted} evicted and stopping`);
  if (counts.blocked) parts.push(`${counts.blocked} blocked by a PodDisruptionBudget (retrying)`);
  if (counts.failed) parts.push(`${counts.failed} failed`);
  return { finished: FINAL_PHASES.includes(p.phase), headline: `${PHASE_WORDS[p.phase]}: ${parts.join(', ')}.`, counts };
}

/** One pod's state in words. */
export function podStateText(state: DrainPodState, attempts: number): string {
  switch (state) {
    case 'pending':
      return 'waiting its turn';
    case 'evicting':
      return 'evicting…';
    case 'blocked':
      return `blocked by a PodDisruptionBudget (tried ${attempts}×, retrying)`;
    case 'evicted':
      return 'evicted, stopping';
    case 'gone':
      return 'gone';
    case 'failed':
      return 'failed';
  }
}

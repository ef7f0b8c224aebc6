import type { InstallRun } from '../../../../main/contract';
import { RUN_KIND } from './run-kind';
import { STEP_STATE_LABEL } from './step-state-label';

/**
 * One sentence about where the run is, for the polite live region: it changes when a step starts,
 * ends, or the run ends (never with the ticking time, which would chatter).
 */
export function runAnnouncement(run: Pick<InstallRun, 'kind' | 'state' | 'steps'>): string {
  const kind = RUN_KIND[run.kind];
  const total = run.steps.length;
  const running = run.steps.findIndex((s) => s.state === 'running');
  const failed = run.steps.find((s) => s.state === 'failed');
  switch (run.state) {
    case 'succeeded':
      return `${kind.succeeded}.`;
    case 'cancelled':
      return `The ${kind.noun} was cancelled.`;
    case 'failed':
      return failed ? `The ${kind.noun} stopped: "${failed.title}" failed.` : `The ${kind.noun} failed.`;
    case 'running': {
      const step = run.steps[running];
      if (!step) return `${kind.running}…`;
      return `Step ${running + 1} of ${total}: ${step.title}, ${STEP_STATE_LABEL[step.state].text.toLowerCase()}.`;
    }
  }
}

import type { InstallRun, StepState } from '../../../../main/contract';

export interface RunProgress {
  /** 0..100, for the progress bar's aria-valuenow. */
  percent: number;
  /** The same in words, e.g. "3 of 7 steps done". */
  label: string;
}

const DONE: ReadonlySet<StepState> = new Set(['succeeded', 'skipped']);

/**
 * Finished steps count whole, the running one half (steps have no progress of their own). A run
 * that succeeded is 100% even if a step was skipped at the end.
 */
export function runProgress(run: Pick<InstallRun, 'state' | 'steps'>): RunProgress {
  const total = run.steps.length;
  const done = run.steps.filter((s) => DONE.has(s.state)).length;
  const running = run.steps.some((s) => s.state === 'running') ? 0.5 : 0;
  const percent = run.state === 'succeeded' || total === 0 ? (run.state === 'succeeded' ? 100 : 0) : Math.floor(((done + running) / total) * 100);
  return { percent: Math.min(100, percent), label: `${done} of ${total} step${total === 1 ? '' : 's'} done` };
}

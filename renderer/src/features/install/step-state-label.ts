import type { StepState } from '../../../../main/contract';

/** Each step state as an icon and a word, so it never relies on colour alone. */
export const STEP_STATE_LABEL: Record<StepState, { icon: string; text: string }> = {
  pending: { icon: '○', text: 'Waiting' },
  running: { icon: '◔', text: 'Running' },
  succeeded: { icon: '✓', text: 'Done' },
  failed: { icon: '✗', text: 'Failed' },
  skipped: { icon: '↷', text: 'Skipped' },
  cancelled: { icon: '⊘', text: 'Cancelled' },
};

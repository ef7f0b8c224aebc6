import type { InstallRun, InstallStep } from '../../../../main/contract';

/** The step whose failure offers `microk8s inspect` (main's install plan names it so). */
export const WAIT_READY_STEP_ID = 'wait-ready';
export const INSPECTION_STEP_ID = 'inspection';

/**
 * `sudo microk8s inspect`, run after the wait for readiness failed, shown as one more step so the
 * person can watch it (and type the sudo password) like any other.
 */
export function inspectionStep(run: Pick<InstallRun, 'inspection'>): InstallStep | undefined {
  const inspection = run.inspection;
  if (!inspection) return undefined;
  return {
    id: INSPECTION_STEP_ID,
    title: 'Inspect microk8s',
    command: 'sudo microk8s inspect',
    state: inspection.state,
    reason: inspection.reason,
    sessionId: inspection.sessionId,
    startedAt: inspection.startedAt,
    endedAt: inspection.endedAt,
  };
}

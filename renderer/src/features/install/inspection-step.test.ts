import { describe, expect, it } from 'vitest';
import { inspectionStep } from './inspection-step';

describe('inspectionStep', () => {
  it('is absent until an inspection was asked for', () => {
    expect(inspectionStep({})).toBeUndefined();
  });

  it('carries the inspection state, session, times and where the report went', () => {
    const step = inspectionStep({
      inspection: { state: 'succeeded', sessionId: 's-9', startedAt: 10, endedAt: 20, reportPath: '/var/snap/microk8s/current/inspection-report.tar.gz', reason: 'The report is at /var/snap/…' },
    });
    expect(step).toEqual({
      id: 'inspection',
      title: 'Inspect microk8s',
      command: 'sudo microk8s inspect',
      state: 'succeeded',
      reason: 'The report is at /var/snap/…',
      sessionId: 's-9',
      startedAt: 10,
      endedAt: 20,
    });
  });
});

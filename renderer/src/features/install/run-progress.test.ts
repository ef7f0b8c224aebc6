import { describe, expect, it } from 'vitest';
import type { InstallStep, StepState } from '../../../../main/contract';
import { runProgress } from './run-progress';

const steps = (...states: StepState[]): InstallStep[] => states.map((state, i) => ({ id: `s${i}`, title: `Step ${i}`, command: 'true', state }));

describe('runProgress', () => {
  it('is 0 before anything ran and counts the running step half', () => {
    expect(runProgress({ state: 'running', steps: steps('pending', 'pending', 'pending', 'pending') })).toEqual({ percent: 0, label: '0 of 4 steps done' });
    expect(runProgress({ state: 'running', steps: steps('running', 'pending', 'pending', 'pending') }).percent).toBe(12);
    expect(runProgress({ state: 'running', steps: steps('succeeded', 'skipped', 'running', 'pending') })).toEqual({
      percent: 62,
      label: '2 of 4 steps done',
    });
  });

  it('does not count failed or cancelled steps as done', () => {
    expect(runProgress({ state: 'failed', steps: steps('succeeded', 'failed', 'pending', 'pending') }).percent).toBe(25);
    expect(runProgress({ state: 'cancelled', steps: steps('succeeded', 'cancelled', 'pending', 'pending') }).percent).toBe(25);
  });

  it('is 100 when the run succeeded and handles a run with no steps', () => {
    expect(runProgress({ state: 'succeeded', steps: steps('succeeded', 'succeeded', 'skipped') })).toEqual({ percent: 100, label: '3 of 3 steps done' });
    expect(runProgress({ state: 'running', steps: [] })).toEqual({ percent: 0, label: '0 of 0 steps done' });
    expect(runProgress({ state: 'succeeded', steps: steps('succeeded') }).label).toBe('1 of 1 step done');
  });
});

import { describe, expect, it } from 'vitest';
import type { InstallStep, StepState } from '../../../../main/contract';
import { runAnnouncement } from './run-announcement';

const steps = (...states: StepState[]): InstallStep[] => states.map((state, i) => ({ id: `s${i}`, title: `Step ${i}`, command: 'true', state }));

describe('runAnnouncement', () => {
  it('names the running step and its place', () => {
    expect(runAnnouncement({ kind: 'install', state: 'running', steps: steps('succeeded', 'running', 'pending') })).toBe('Step 2 of 3: Step 1, running.');
    expect(runAnnouncement({ kind: 'install', state: 'running', steps: steps('pending') })).toBe('Installing microk8s…');
  });

  it('says how the run ended', () => {
    expect(runAnnouncement({ kind: 'install', state: 'succeeded', steps: steps('succeeded') })).toBe('microk8s is installed.');
    expect(runAnnouncement({ kind: 'join', state: 'failed', steps: steps('succeeded', 'failed') })).toBe('The join stopped: "Step 1" failed.');
    expect(runAnnouncement({ kind: 'remove', state: 'cancelled', steps: steps('cancelled') })).toBe('The removal was cancelled.');
  });
});

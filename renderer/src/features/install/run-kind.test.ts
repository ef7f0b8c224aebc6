import { describe, expect, it } from 'vitest';
import { runHeading } from './run-kind';

describe('runHeading', () => {
  it('says what is happening while the run goes, then its name and how it ended', () => {
    expect(runHeading({ kind: 'install', state: 'running' })).toBe('Installing microk8s');
    expect(runHeading({ kind: 'install', state: 'failed' })).toBe('microk8s install: failed');
    expect(runHeading({ kind: 'add-node', state: 'succeeded' })).toBe('Add a node: done');
    expect(runHeading({ kind: 'join', state: 'cancelled' })).toBe('Join a cluster: cancelled');
  });
});

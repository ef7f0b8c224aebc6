import { expect, it } from 'vitest';
import { runClusterSoak } from '../../../test/bench/cluster-soak';

// A short soak (the bench runs the long one): churn and a fault every 2 s for 14 s, then Berth's
// pods, nodes and services must equal the server's, with no unhandled errors.
it('ends equal to the server after churn and a fault every 2 s', async () => {
  const result = await runClusterSoak({ durationMs: 14_000, nodes: 10, pods: 600, churnPerSecond: 20 });
  expect(result.faults.length).toBeGreaterThanOrEqual(7);
  expect(result.differences).toEqual({});
  expect(result.unhandledErrors).toEqual([]);
  // Reconnecting was shown along the way, and it ended connected.
  expect(result.states.some((s) => s.startsWith('reconnecting') || s.startsWith('unreachable'))).toBe(true);
  expect(result.states.at(-1)).toBe('connected');
}, 60_000);

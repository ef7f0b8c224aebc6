import type { IPod } from 'kubernetes-models/v1/Pod';
import { budgetsFor, budgetStatus } from '../controllers/disruption';
import { isReady } from '../controllers/pods';
import { ApiError } from '../errors';
import type { KObj } from '../objects';
import type { Store } from '../store';

// The eviction subresource's PodDisruptionBudget check (pkg/registry/core/pod/storage/eviction.go):
// pods that are not running, or already terminating, go at once; more than one budget is an
// error; a budget with no disruption left answers 429 with the API server's own message.

export function checkDisruptionBudget(store: Store, pod: IPod & KObj): void {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || pod.metadata.deletionTimestamp) return;
  const budgets = budgetsFor(store, pod);
  if (budgets.length === 0) return;
  if (budgets.length > 1) throw new ApiError(500, 'InternalError', 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.');
  const pdb = budgets[0]!;
  // Counted now rather than read from status: the simulator has no window between them.
  const status = budgetStatus(store, pdb);
  // unhealthyPodEvictionPolicy IfHealthyBudget (the default): an unready pod may go while the budget is met.
  if (!isReady(pod) && status.currentHealthy >= status.desiredHealthy) return;
  if (status.disruptionsAllowed > 0) return;
  throw new ApiError(429, 'TooManyRequests', "Cannot evict pod as it would violate the pod's disruption budget.", {
    causes: [{ reason: 'DisruptionBudget', message: `The disruption budget ${pdb.metadata.name} needs ${status.desiredHealthy} healthy pods and has ${status.currentHealthy} currently` }],
  });
}

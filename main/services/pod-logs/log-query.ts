import type { LogOptions } from '../../contract';
import type { Query } from '../cluster/kube-http';

// The pods/log request for one container, with the query parameters `kubectl logs` sends.
// https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#read-log-of-the-specified-pod

export function logPath(namespace: string, pod: string): string {
  return `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}/log`;
}

export function logQuery(options: LogOptions, container: string | undefined): Query {
  const q: Query = {};
  if (container) q.container = container;
  if (options.follow) q.follow = true;
  if (options.previous) q.previous = true;
  if (options.timestamps) q.timestamps = true;
  if (options.tailLines !== undefined) q.tailLines = options.tailLines;
  if (options.sinceSeconds !== undefined) q.sinceSeconds = options.sinceSeconds;
  if (options.sinceTime !== undefined) q.sinceTime = options.sinceTime;
  return q;
}

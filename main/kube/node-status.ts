import type { Node } from './types';

// STATUS and ROLES of `kubectl get nodes`, ported from printNode / findNodeRoles in
// kubernetes/pkg/printers/internalversion/printers.go.

const NODE_ROLE_PREFIX = 'node-role.kubernetes.io/';
const NODE_ROLE_LABEL = 'kubernetes.io/role';

export function nodeStatus(node: Node): string {
  const status: string[] = [];
  // Only the Ready condition is printed (NodeAllConditions = [NodeReady]).
  const ready = (node.status?.conditions ?? []).find((c) => c.type === 'Ready');
  if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady');
  if (status.length === 0) status.push('Unknown');
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

export function nodeRoles(node: Node): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith(NODE_ROLE_PREFIX)) {
      const role = k.slice(NODE_ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (k === NODE_ROLE_LABEL && v !== '') {
      roles.add(v);
    }
  }
  const sorted = [...roles].sort();
  return sorted.length ? sorted.join(',') : '<none>';
}

function address(node: Node, type: string): string {
  return (node.status?.addresses ?? []).find((a) => a.type === type)?.address ?? '<none>';
}

export function nodeWideColumns(node: Node): {
  internalIP: string;
  externalIP: string;
  osImage: string;
  kernelVersion: string;
  containerRuntime: string;
} {
  const info = node.status?.nodeInfo ?? {};
  return {
    internalIP: address(node, 'InternalIP'),
    externalIP: address(node, 'ExternalIP'),
    osImage: info.osImage || '<unknown>',
    kernelVersion: info.kernelVersion || '<unknown>',
    containerRuntime: info.containerRuntimeVersion || '<unknown>',
  };
}

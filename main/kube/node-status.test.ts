import { describe, expect, it } from 'vitest';
import { nodeRoles, nodeStatus, nodeWideColumns } from './node-status';
import type { Node } from './types';

const microk8sNode: Node = {
  metadata: {
    name: 'ubuntu',
    labels: {
      'beta.kubernetes.io/arch': 'amd64',
      'kubernetes.io/hostname': 'ubuntu',
      'microk8s.io/cluster': 'true',
      'node.kubernetes.io/microk8s-controlplane': 'microk8s-controlplane',
    },
  },
  spec: {},
  status: {
    conditions: [
      { type: 'MemoryPressure', status: 'False' },
      { type: 'Ready', status: 'True', reason: 'KubeletReady' },
      { type: 'NetworkUnavailable', status: 'False', reason: 'CalicoIsUp' },
    ],
    addresses: [
      { type: 'InternalIP', address: '172.31.12.132' },
      { type: 'Hostname', address: 'ubuntu' },
    ],
    nodeInfo: { kubeletVersion: 'v1.32.2', osImage: 'Ubuntu 22.04.1 LTS', kernelVersion: '5.15.0-1022-aws', containerRuntimeVersion: 'containerd://1.6.6' },
  },
};

describe('nodeStatus', () => {
  it('is Ready for a microk8s node, whose ROLES are <none>', () => {
    expect(nodeStatus(microk8sNode)).toBe('Ready');
    expect(nodeRoles(microk8sNode)).toBe('<none>');
  });
  it('adds SchedulingDisabled when cordoned', () => {
    expect(nodeStatus({ ...microk8sNode, spec: { unschedulable: true } })).toBe('Ready,SchedulingDisabled');
  });
  it('is NotReady for Ready=False or Unknown, and Unknown with no Ready condition', () => {
    expect(nodeStatus({ status: { conditions: [{ type: 'Ready', status: 'False' }] } })).toBe('NotReady');
    expect(nodeStatus({ status: { conditions: [{ type: 'Ready', status: 'Unknown' }] } })).toBe('NotReady');
    expect(nodeStatus({ status: { conditions: [{ type: 'MemoryPressure', status: 'False' }] } })).toBe('Unknown');
    expect(nodeStatus({ spec: { unschedulable: true } })).toBe('Unknown,SchedulingDisabled');
  });
  it('reads roles from node-role labels and kubernetes.io/role, sorted', () => {
    const n: Node = { metadata: { labels: { 'node-role.kubernetes.io/worker': '', 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/role': 'edge', 'node-role.kubernetes.io/': 'x' } } };
    expect(nodeRoles(n)).toBe('control-plane,edge,worker');
  });
  it('gives the wide columns of the reference', () => {
    expect(nodeWideColumns(microk8sNode)).toEqual({
      internalIP: '172.31.12.132',
      externalIP: '<none>',
      osImage: 'Ubuntu 22.04.1 LTS',
      kernelVersion: '5.15.0-1022-aws',
      containerRuntime: 'containerd://1.6.6',
    });
    expect(nodeWideColumns({}).osImage).toBe('<unknown>');
  });
});

import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckupReport, Finding } from '../../contract';
import { startSimulator, type Simulator } from '../../simulator';
import { eventually } from '../../simulator/testing';
import { createKubeTransport, type KubeTransport } from '../cluster/kube-http';
import type { Microk8sFacts } from './microk8s-facts';
import { runCheckup } from './run-checkup';

// The whole check-up against the simulator over HTTPS: the busy scenario fails or warns on every
// area, the hardened one passes every check.

interface Running {
  sim: Simulator;
  transport: KubeTransport;
}

async function start(scenario: 'busy' | 'hardened'): Promise<Running> {
  const sim = await startSimulator({ scenario, speed: 50, nodeName: 'ubuntu' });
  const config = new KubeConfig();
  config.loadFromFile(sim.kubeconfigPath);
  return { sim, transport: createKubeTransport(config) };
}

const statusOf = (report: CheckupReport, id: string): Finding['status'] | undefined => report.areas.flatMap((a) => a.findings).find((f) => f.id === id)?.status;

let busy: Running;
let hardened: Running;
beforeAll(async () => {
  [busy, hardened] = await Promise.all([start('busy'), start('hardened')]);
});
afterAll(async () => {
  for (const r of [busy, hardened]) {
    r?.transport.close();
    await r?.sim.stop();
  }
});

const oldChannel: Microk8sFacts = { installedChannel: '1.32/stable', installedVersion: 'v1.32.2', newestStable: { name: '1.36/stable', version: 'v1.36.4' }, rbacEnabled: false, problems: [] };
const currentChannel: Microk8sFacts = { installedChannel: '1.36/stable', installedVersion: 'v1.36.4', newestStable: { name: '1.36/stable', version: 'v1.36.4' }, rbacEnabled: true, problems: [] };
const NOW = Date.parse('2026-11-27T12:00:00Z');

describe('check-up on the busy scenario', () => {
  it('fails or warns in every area, with the objects the scenario planted', async () => {
    // Wait until the controllers have created the pods the checks are about.
    await eventually(() => busy.sim.store.all('pods', 'dev').some((p) => p.metadata.name.startsWith('net-debug-')) && busy.sim.store.all('pods', 'default').length > 0, 15_000, 'busy pods');
    const report = await runCheckup({ transport: busy.transport, context: 'microk8s', now: () => NOW, microk8s: async () => oldChannel });
    expect(report.notes).toEqual([]);
    for (const area of report.areas) expect(area.status, area.id).not.toBe('pass');
    const expected: Record<string, Finding['status']> = {
      'version.support': 'fail',
      'version.microk8s-channel': 'warning',
      'pod-security.admission-labels': 'warning',
      'pod-security.privileged': 'fail',
      'pod-security.host-namespaces': 'fail',
      'pod-security.host-path': 'fail',
      'pod-security.root': 'fail',
      'pod-security.capabilities': 'fail',
      'pod-security.privilege-escalation': 'warning',
      'namespaces.default': 'warning',
      'namespaces.resource-quotas': 'warning',
      'namespaces.limit-ranges': 'warning',
      'network-policies.namespaces': 'fail',
      'api-server.anonymous': 'fail',
      'api-server.rbac': 'fail',
      'api-server.listen-address': 'warning',
      'api-server.certificate': 'warning',
      'images.largest': 'warning',
      'images.over-threshold': 'fail',
      'images.floating-tags': 'warning',
      'workload-hygiene.resources': 'warning',
      'workload-hygiene.probes': 'warning',
      'workload-hygiene.bare-pods': 'warning',
      'workload-hygiene.single-replica': 'warning',
    };
    for (const [id, status] of Object.entries(expected)) expect(statusOf(report, id), id).toBe(status);
    // Informational checks that pass on a 1.32 microk8s with Calico.
    expect(statusOf(report, 'pod-security.psp')).toBe('pass');
    expect(statusOf(report, 'network-policies.plugin')).toBe('pass');
    const objects = (id: string) => report.areas.flatMap((a) => a.findings).find((f) => f.id === id)!.objects.map((o) => `${o.kind} ${o.namespace ?? ''}/${o.name}`);
    expect(objects('pod-security.privileged')).toEqual(expect.arrayContaining(['DaemonSet monitoring/node-exporter', 'Deployment dev/playground']));
    expect(objects('pod-security.capabilities')).toEqual(['Deployment dev/net-debug']);
    // batch's pods come and go with its jobs (finished pods are not counted); these always run.
    expect(objects('network-policies.namespaces')).toEqual(expect.arrayContaining(['Namespace /dev', 'Namespace /legacy', 'Namespace /default']));
    expect(objects('namespaces.default')).toEqual(['Deployment default/hello']);
    expect(objects('images.over-threshold')).toEqual(expect.arrayContaining(['Deployment dev/notebook', 'Deployment shop/checkout']));
    expect(objects('workload-hygiene.bare-pods')).toEqual(expect.arrayContaining(['Pod dev/big-batch', 'Pod dev/debug-shell']));
    expect(report.score).toBeLessThan(60);
  });
});

describe('check-up on the hardened scenario', () => {
  it('passes every check', async () => {
    await eventually(() => hardened.sim.store.all('pods', 'shop').filter((p) => (p as { status?: { phase?: string } }).status?.phase === 'Running').length === 4, 15_000, 'hardened pods running');
    const report = await runCheckup({ transport: hardened.transport, context: 'microk8s', now: () => NOW, microk8s: async () => currentChannel });
    const notPassing = report.areas.flatMap((a) => a.findings).filter((f) => f.status !== 'pass');
    expect(notPassing.map((f) => `${f.id}: ${f.summary}`)).toEqual([]);
    expect(report.areas.every((a) => a.findings.length > 0)).toBe(true);
    expect(report.score).toBe(100);
    expect(report.serverVersion).toBe('v1.36.4');
  });
});

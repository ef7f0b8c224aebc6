import type { Finding } from '../../contract';
import type { ClusterSnapshot, PodFacts } from './cluster-snapshot';
import { agree, listNames, makeFinding, plural } from './finding';
import { workloadNamespaces } from './check-namespaces';

// Network policies: namespaces with pods and no NetworkPolicy, and whether the network plugin
// enforces policies at all (Calico, Cilium, Weave, kube-router, Antrea do; flannel alone does not).
// https://kubernetes.io/docs/concepts/services-networking/network-policies/#prerequisites

export type NetworkPlugin = { name: string; enforces: boolean } | undefined;

const PLUGINS: Array<{ name: string; enforces: boolean; match: (p: PodFacts) => boolean }> = [
  { name: 'Calico', enforces: true, match: (p) => p.labels['k8s-app'] === 'calico-node' || p.name.startsWith('calico-node-') },
  { name: 'Cilium', enforces: true, match: (p) => p.labels['k8s-app'] === 'cilium' },
  { name: 'Weave Net', enforces: true, match: (p) => p.labels.name === 'weave-net' },
  { name: 'kube-router', enforces: true, match: (p) => p.labels['k8s-app'] === 'kube-router' },
  { name: 'Antrea', enforces: true, match: (p) => p.labels.component === 'antrea-agent' },
  { name: 'Kube-OVN', enforces: true, match: (p) => p.labels.app === 'kube-ovn-cni' },
  { name: 'flannel', enforces: false, match: (p) => p.labels.app === 'flannel' || p.name.startsWith('kube-flannel-') },
];

/** The network plugin, from the agent pods it runs on every node; enforcing plugins win over flannel (Canal = Calico + flannel). */
export function detectNetworkPlugin(pods: PodFacts[]): NetworkPlugin {
  const found = PLUGINS.filter((plugin) => pods.some((p) => plugin.match(p)));
  return found.find((f) => f.enforces) ?? found[0];
}

export function checkNetworkPolicies(snapshot: ClusterSnapshot): Finding[] {
  const out: Finding[] = [];
  if (!snapshot.pods) return out;
  const plugin = detectNetworkPlugin(snapshot.pods);
  const why = 'Without a NetworkPolicy every pod can reach every other pod in the cluster: one compromised web server can talk to your database directly.';
  out.push(
    makeFinding('network-policies', {
      id: 'plugin',
      title: 'Network plugin enforces policies',
      status: plugin?.enforces ? 'pass' : plugin ? 'fail' : 'warning',
      summary: plugin?.enforces
        ? `${plugin.name} runs on the nodes and enforces NetworkPolicies.`
        : plugin
          ? `${plugin.name} runs on the nodes; it does not enforce NetworkPolicies, so policies are accepted and silently ignored.`
          : 'Berth did not recognise the network plugin (no Calico, Cilium, Weave, kube-router, Antrea or flannel pods), so it cannot tell whether policies are enforced.',
      why: 'A NetworkPolicy is only a wish unless the network plugin implements it. microk8s\' default, Calico, does.',
      fix: plugin && !plugin.enforces ? '# install a plugin that enforces policies, e.g. Calico (microk8s uses it by default)\nkubectl apply -f https://raw.githubusercontent.com/projectcalico/calico/v3.28.2/manifests/calico.yaml' : 'kubectl get pods -n kube-system -o wide',
      fixFormat: 'shell',
    }),
  );
  if (snapshot.networkPolicies) {
    const covered = new Set(snapshot.networkPolicies.map((p) => p.namespace));
    const namespaces = workloadNamespaces(snapshot);
    const missing = namespaces.filter((n) => !covered.has(n));
    out.push(
      makeFinding('network-policies', {
        id: 'namespaces',
        title: 'Namespaces without network policies',
        status: missing.length ? 'fail' : 'pass',
        summary: missing.length
          ? `${agree(missing.length, 'namespace', 'runs', 'run')} pods with no NetworkPolicy: ${listNames(missing)}. Checked ${plural(namespaces.length, 'namespace')}.`
          : `Every namespace that runs pods has a NetworkPolicy (${plural(namespaces.length, 'namespace')} checked).`,
        why,
        fix: `# deny all incoming traffic by default, then allow what each app needs
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-ingress
  namespace: ${missing[0] ?? 'NAMESPACE'}
spec:
  podSelector: {}
  policyTypes: ["Ingress"]`,
        fixFormat: 'yaml',
        objects: missing.map((n) => ({ kind: 'Namespace', name: n, detail: 'no NetworkPolicy' })),
      }),
    );
  }
  return out;
}

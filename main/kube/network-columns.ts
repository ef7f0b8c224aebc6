import { formatLabelSelector } from './label-selector';
import type { KubeObject, LabelSelectorSpec } from './types';

// Ingress cells (printIngress and formatHosts in kubernetes/pkg/printers/internalversion/
// printers.go, 1.32), each rule spelled out, and NetworkPolicies in words: which pods a policy
// selects and which traffic it lets in and out.
// https://kubernetes.io/docs/concepts/services-networking/network-policies/

interface IngressBackend {
  service?: { name?: string; port?: { number?: number; name?: string } };
  resource?: { apiGroup?: string; kind?: string; name?: string };
}

export interface Ingress extends KubeObject {
  spec?: {
    ingressClassName?: string;
    defaultBackend?: IngressBackend;
    tls?: Array<{ hosts?: string[]; secretName?: string }>;
    rules?: Array<{ host?: string; http?: { paths?: Array<{ path?: string; pathType?: string; backend?: IngressBackend }> } }>;
  };
  status?: { loadBalancer?: { ingress?: Array<{ ip?: string; hostname?: string }> } };
}

/** formatHosts: the first three hosts, "+ N more..." past them, "*" when no rule names one. */
export function ingressHosts(ing: Ingress): string {
  const rules = ing.spec?.rules ?? [];
  const list: string[] = [];
  const max = 3;
  let more = false;
  for (const rule of rules) {
    if (list.length === max) more = true;
    if (!more && rule.host) list.push(rule.host);
  }
  if (list.length === 0) return '*';
  const text = list.join(',');
  return more ? `${text} + ${rules.length - max} more...` : text;
}

/** ingressLoadBalancerStatusStringer (wide): the distinct IPs and hostnames, sorted. */
export function ingressAddress(ing: Ingress): string {
  const set = new Set<string>();
  for (const i of ing.status?.loadBalancer?.ingress ?? []) {
    if (i.ip) set.add(i.ip);
    if (i.hostname) set.add(i.hostname);
  }
  return [...set].sort().join(',');
}

export function ingressBackendText(b: IngressBackend | undefined): string {
  if (!b) return '';
  if (b.service) return `${b.service.name ?? ''}:${b.service.port?.number ?? b.service.port?.name ?? ''}`;
  if (b.resource) return `${b.resource.apiGroup ? `${b.resource.apiGroup}/` : ''}${b.resource.kind ?? ''}/${b.resource.name ?? ''}`;
  return '';
}

export function ingressCells(ing: Ingress): { class: string; hosts: string; address: string; ports: string } {
  return {
    class: ing.spec?.ingressClassName ?? '<none>',
    hosts: ingressHosts(ing),
    address: ingressAddress(ing),
    ports: (ing.spec?.tls ?? []).length > 0 ? '80, 443' : '80',
  };
}

/** Every path of every rule: what `kubectl describe ingress` lists under Rules. */
export function ingressRules(ing: Ingress): Array<{ host: string; path: string; pathType: string; backend: string }> {
  const out: Array<{ host: string; path: string; pathType: string; backend: string }> = [];
  for (const rule of ing.spec?.rules ?? []) {
    const host = rule.host || '*';
    const paths = rule.http?.paths ?? [];
    if (paths.length === 0) out.push({ host, path: '', pathType: '', backend: ingressBackendText(ing.spec?.defaultBackend) || 'default backend' });
    for (const p of paths) out.push({ host, path: p.path ?? '', pathType: p.pathType ?? '', backend: ingressBackendText(p.backend) });
  }
  return out;
}

// ---- NetworkPolicy ------------------------------------------------------------------------------

interface PolicyPort {
  protocol?: string;
  port?: number | string;
  endPort?: number;
}
interface PolicyPeer {
  podSelector?: LabelSelectorSpec;
  namespaceSelector?: LabelSelectorSpec;
  ipBlock?: { cidr: string; except?: string[] };
}
interface PolicyRule {
  ports?: PolicyPort[];
  from?: PolicyPeer[];
  to?: PolicyPeer[];
}

export interface NetworkPolicy extends KubeObject {
  spec?: {
    podSelector?: LabelSelectorSpec;
    policyTypes?: string[];
    ingress?: PolicyRule[];
    egress?: PolicyRule[];
  };
}

const isEmptySelector = (s: LabelSelectorSpec | undefined): boolean =>
  !s || (Object.keys(s.matchLabels ?? {}).length === 0 && (s.matchExpressions ?? []).length === 0);

/** The policy types in force: policyTypes when set, else Ingress plus Egress when egress rules exist (the API default). */
export function policyTypes(np: NetworkPolicy): string[] {
  if (np.spec?.policyTypes?.length) return np.spec.policyTypes;
  return (np.spec?.egress ?? []).length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

function portText(p: PolicyPort): string {
  const proto = p.protocol ?? 'TCP';
  if (p.port === undefined) return `${proto} (any port)`;
  if (typeof p.port === 'string') return `${proto} port "${p.port}"`;
  return p.endPort ? `${proto} ${p.port}-${p.endPort}` : `${proto} ${p.port}`;
}

function peerText(peer: PolicyPeer): string {
  if (peer.ipBlock) {
    const except = peer.ipBlock.except?.length ? ` except ${peer.ipBlock.except.join(', ')}` : '';
    return `addresses in ${peer.ipBlock.cidr}${except}`;
  }
  const pods = isEmptySelector(peer.podSelector) ? 'all pods' : `pods with ${formatLabelSelector(peer.podSelector)}`;
  if (!peer.namespaceSelector) return `${pods} in this namespace`;
  const namespaces = isEmptySelector(peer.namespaceSelector) ? 'all namespaces' : `namespaces with ${formatLabelSelector(peer.namespaceSelector)}`;
  return `${pods} in ${namespaces}`;
}

function ruleText(rule: PolicyRule, direction: 'from' | 'to'): string {
  const peers = (direction === 'from' ? rule.from : rule.to) ?? [];
  const ports = (rule.ports ?? []).length > 0 ? (rule.ports ?? []).map(portText).join(', ') : 'any port';
  const who = peers.length > 0 ? peers.map(peerText).join(' or ') : 'anywhere';
  if (peers.length === 0 && (rule.ports ?? []).length === 0) return direction === 'from' ? 'Allows all incoming traffic' : 'Allows all outgoing traffic';
  return `Allows ${ports} ${direction} ${who}`;
}

export interface NetworkPolicyWords {
  podSelector: string;
  policyTypes: string[];
  selects: string;
  ingress: string[];
  egress: string[];
}

/** What a NetworkPolicy does, in sentences a person reads without knowing the API. */
export function describeNetworkPolicy(np: NetworkPolicy): NetworkPolicyWords {
  const ns = np.metadata?.namespace ?? '';
  const sel = np.spec?.podSelector;
  const types = policyTypes(np);
  const selects = isEmptySelector(sel) ? `Selects all pods in namespace ${ns}` : `Selects pods with ${formatLabelSelector(sel)} in namespace ${ns}`;
  const direction = (type: 'Ingress' | 'Egress'): string[] => {
    if (!types.includes(type)) return [];
    const rules = (type === 'Ingress' ? np.spec?.ingress : np.spec?.egress) ?? [];
    if (rules.length === 0) return [type === 'Ingress' ? 'Denies all incoming traffic' : 'Denies all outgoing traffic'];
    return rules.map((r) => ruleText(r, type === 'Ingress' ? 'from' : 'to'));
  };
  return {
    // printNetworkPolicy: metav1.FormatLabelSelector(&podSelector), so {} prints "<none>".
    podSelector: formatLabelSelector(sel ?? {}),
    policyTypes: types,
    selects,
    ingress: direction('Ingress'),
    egress: direction('Egress'),
  };
}

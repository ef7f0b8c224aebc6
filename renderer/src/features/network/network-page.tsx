import type { IngressRow, NetworkPolicyRow } from '../../../../main/contract';
import { age } from '../../../../main/kube';
import type { Column } from '../../components/data-table/data-table';
import { DetailSection } from '../../components/detail-pane/detail-pane';
import { DetailTable } from '../../components/detail-pane/detail-table';
import { KindTabs, type KindTab } from '../../components/kind-tabs/kind-tabs';
import { openObject } from '../../components/navigation/object-navigation';
import { PodMiniList } from '../../components/resource-list/pod-mini-list';
import { objectKindTab } from '../../components/resource-list/object-kind-tab';
import { serviceOfBackend } from './ingress-backend';
import './network.css';

const ageColumn = <R extends { createdAt?: string | undefined }>(): Column<R> => ({ id: 'age', header: 'Age', width: 64, cell: (r, now) => age(r.createdAt, now) });

const ingressColumns: Column<IngressRow>[] = [
  { id: 'name', header: 'Name', width: 180, grow: 1, cell: (r) => <span title={r.name}>{r.name}</span> },
  { id: 'namespace', header: 'Namespace', width: 120, cell: (r) => r.namespace ?? '' },
  { id: 'class', header: 'Class', width: 100, cell: (r) => r.class },
  { id: 'hosts', header: 'Hosts', width: 220, grow: 2, cell: (r) => <span title={r.hosts}>{r.hosts}</span> },
  { id: 'address', header: 'Address', width: 140, cell: (r) => r.address },
  { id: 'ports', header: 'Ports', width: 80, cell: (r) => r.ports },
  ageColumn(),
];

const policyColumns: Column<NetworkPolicyRow>[] = [
  { id: 'name', header: 'Name', width: 200, grow: 1, cell: (r) => <span title={r.name}>{r.name}</span> },
  { id: 'namespace', header: 'Namespace', width: 120, cell: (r) => r.namespace ?? '' },
  { id: 'podSelector', header: 'Pod selector', width: 200, cell: (r) => <span title={r.podSelector}>{r.podSelector}</span> },
  ageColumn(),
  { id: 'selects', header: 'Applies to', width: 260, grow: 2, sortable: false, cell: (r) => <span title={r.selects}>{r.selects}</span> },
];

function Backend({ backend, namespace }: { backend: string; namespace: string }) {
  const service = serviceOfBackend(backend);
  if (!service) return <span className="code-inline">{backend}</span>;
  return (
    <button type="button" className="link-button object-link code-inline" onClick={() => openObject({ kind: 'services', namespace, name: service })} title={`Open service ${service}`}>
      {backend}
    </button>
  );
}

function IngressRules({ row }: { row: IngressRow }) {
  const namespace = row.namespace ?? 'default';
  return (
    <>
      <DetailSection title="Rules">
        {row.rules.length === 0 ? (
          <span className="muted">No rules: all traffic goes to the default backend.</span>
        ) : (
          <DetailTable headers={['Host', 'Path', 'Path type', 'Backend']} testId="ingress-rules">
            {row.rules.map((r) => (
              <tr key={`${r.host} ${r.path} ${r.backend}`}>
                <td>{r.host}</td>
                <td className="code-inline">{r.path}</td>
                <td>{r.pathType}</td>
                <td>
                  <Backend backend={r.backend} namespace={namespace} />
                </td>
              </tr>
            ))}
          </DetailTable>
        )}
        {row.defaultBackend && (
          <p>
            Anything else goes to <Backend backend={row.defaultBackend} namespace={namespace} />.
          </p>
        )}
      </DetailSection>
      <DetailSection title="TLS">
        {row.tls.length === 0 ? (
          <span className="muted">None: served over plain HTTP.</span>
        ) : (
          <ul className="plain-list">
            {row.tls.map((t) => (
              <li key={t.secretName + t.hosts.join()}>
                {t.hosts.join(', ') || 'all hosts'} with the certificate in Secret <strong>{t.secretName || '(the controller’s default)'}</strong>
              </li>
            ))}
          </ul>
        )}
      </DetailSection>
    </>
  );
}

function PolicyWords({ row }: { row: NetworkPolicyRow }) {
  const namespace = row.namespace ?? 'default';
  // POD-SELECTOR prints "<none>" for the empty selector, which selects every pod of the namespace.
  const selector = row.podSelector === '<none>' ? '' : row.podSelector;
  const direction = (title: string, type: 'Ingress' | 'Egress', sentences: string[]) => (
    <DetailSection title={title}>
      {!row.policyTypes.includes(type) ? (
        <span className="muted">Not restricted by this policy.</span>
      ) : (
        <ul className="policy-words" data-testid={`policy-${type.toLowerCase()}`}>
          {sentences.map((s) => (
            <li key={s} className={s.startsWith('Denies') ? 'status-problem' : undefined}>
              {s}.
            </li>
          ))}
        </ul>
      )}
    </DetailSection>
  );
  return (
    <>
      <p data-testid="policy-selects">
        <strong>{row.selects}.</strong>
      </p>
      {direction('Incoming traffic', 'Ingress', row.ingress)}
      {direction('Outgoing traffic', 'Egress', row.egress)}
      <DetailSection title="Pods it applies to now">
        <PodMiniList namespaces={[namespace]} labelSelector={selector} emptyText={`No pods in ${namespace} match ${selector || 'the policy'} right now.`} />
      </DetailSection>
    </>
  );
}

const TABS: KindTab[] = [
  objectKindTab<IngressRow>({
    kind: 'ingresses',
    title: 'Ingresses',
    kindLabel: 'Ingress',
    noun: 'ingresses',
    namespaced: true,
    columns: ingressColumns,
    searchHint: 'name, host, backend…',
    facts: (row) => [
      ['Class', row.class],
      ['Hosts', row.hosts],
      ['Address', row.address || <span className="muted">none yet (the ingress controller has not published one)</span>],
      ['Ports', row.ports],
    ],
    sections: (row) => <IngressRules row={row} />,
  }),
  objectKindTab<NetworkPolicyRow>({
    kind: 'networkpolicies',
    title: 'NetworkPolicies',
    kindLabel: 'NetworkPolicy',
    noun: 'network policies',
    namespaced: true,
    columns: policyColumns,
    searchHint: 'name, pod selector…',
    facts: (row) => [
      ['Pod selector', <span key="s" className="code-inline">{row.podSelector}</span>],
      ['Policy types', row.policyTypes.join(', ')],
    ],
    sections: (row) => <PolicyWords row={row} />,
  }),
];

/** Networking: ingresses (hosts, paths, backends, addresses) and network policies in words. */
export function NetworkPage() {
  return <KindTabs label="Network kinds" tabs={TABS} />;
}

import type { ServiceRow } from '../../../../main/contract';
import { age, selectorFromSet, type Service } from '../../../../main/kube';
import { DetailPane, DetailSection, Facts } from '../../components/detail-pane/detail-pane';
import { EventsSection, MetaSections, ObjectState, YamlSection } from '../../components/detail-pane/object-meta';
import { useLiveObject } from '../../components/live-view/use-live-object';
import { useNow } from '../../components/live-view/use-now';
import { PodMiniList } from '../../components/resource-list/pod-mini-list';
import type { ListHelpers } from '../../components/resource-list/resource-list';
import { serviceDnsName, serviceEnvVars } from './service-env';

/** One service: the pods behind it, its DNS name and the environment variables pods see. */
export function ServiceDetail({ row, helpers }: { row: ServiceRow; helpers: ListHelpers }) {
  const namespace = row.namespace ?? 'default';
  const { update, error } = useLiveObject({ kind: 'services', namespace, name: row.name });
  const now = useNow(1000);
  const service = (update?.object ?? null) as Service | null;
  const selector = service?.spec?.selector;
  const selectorText = selector && Object.keys(selector).length > 0 ? selectorFromSet(selector).toString() : '';
  const env = service ? serviceEnvVars(row.name, service.spec?.clusterIP, service.spec?.ports ?? []) : [];

  return (
    <DetailPane title={`Service ${row.name}`} subtitle={`${namespace} · ${row.type} · ${age(row.createdAt, now)} old`} onClose={helpers.close}>
      <ObjectState update={update} error={error} />
      <Facts
        items={[
          ['DNS name', <code key="dns" className="code-inline" data-testid="service-dns">{serviceDnsName(row.name, namespace)}</code>],
          ['Cluster IPs', row.clusterIPs.join(', ') || '<none>'],
          ['External IP', row.externalIP],
          ['Ports', row.ports],
          ['Selector', row.selector],
        ]}
      />
      <DetailSection title="Pods behind it">
        {!service ? (
          <span className="muted">Loading…</span>
        ) : selectorText === '' ? (
          <span className="muted">This service has no selector: its endpoints are managed separately, so no pods are picked by label.</span>
        ) : (
          <PodMiniList namespaces={[namespace]} labelSelector={selectorText} emptyText={`No pods in ${namespace} match ${selectorText}: the service has no endpoints.`} />
        )}
      </DetailSection>
      <DetailSection title="Environment of pods started after it">
        {env.length === 0 ? (
          <span className="muted">{service ? 'None: the service has no cluster IP (headless or ExternalName).' : 'Loading…'}</span>
        ) : (
          <>
            <p className="muted">Pods in {namespace} started after this service see these variables (unless their spec sets enableServiceLinks: false).</p>
            <table className="detail-table code-inline" data-testid="service-env">
              <tbody>
                {env.map((v) => (
                  <tr key={v.name}>
                    <td>{v.name}</td>
                    <td>{v.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </DetailSection>
      <MetaSections object={update?.object ?? null} onPickLabel={helpers.pickLabel} />
      <EventsSection events={update?.events ?? []} now={now} />
      <YamlSection update={update} />
    </DetailPane>
  );
}

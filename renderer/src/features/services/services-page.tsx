import type { ServiceRow } from '../../../../main/contract';
import { ResourceList } from '../../components/resource-list/resource-list';
import { serviceColumns } from './service-columns';
import { ServiceDetail } from './service-detail';

const columns = () => serviceColumns;

/** Services, live; open one to see the pods behind it, its DNS name and environment variables. */
export function ServicesPage() {
  return (
    <ResourceList<ServiceRow>
      kind="services"
      title="Services"
      noun="services"
      namespaced
      columns={columns}
      renderDetail={(row, helpers) => <ServiceDetail key={row.uid} row={row} helpers={helpers} />}
    />
  );
}

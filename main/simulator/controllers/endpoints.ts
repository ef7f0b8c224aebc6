import type { IPod } from 'kubernetes-models/v1/Pod';
import type { IService } from 'kubernetes-models/v1/Service';
import { selectorFromSet } from '../../kube';
import { randSuffix, type KObj } from '../objects';
import { objectKey, type Store, type StoreEvent } from '../store';
import type { Controller, Queue } from './loop';
import { isReady, ownerRef } from './pods';

// Endpoints and discovery.k8s.io/v1 EndpointSlices for every Service with a selector: the
// matching pods' IPs, ready or not, with the service's ports resolved against container ports.
// https://kubernetes.io/docs/concepts/services-networking/endpoint-slices/

const NAME = 'endpoints';

type Port = { name?: string; port: number; protocol: string; appProtocol?: string };

export class EndpointsController implements Controller {
  readonly name = NAME;
  readonly watches = ['services', 'pods'];

  constructor(private readonly store: Store) {}

  resync(q: Queue): void {
    for (const s of this.store.list('services')) q.add(NAME, objectKey(s.metadata.namespace, s.metadata.name));
  }

  onEvent(e: StoreEvent, q: Queue): void {
    const ns = e.object.metadata.namespace;
    if (e.key === 'services') {
      q.add(NAME, objectKey(ns, e.object.metadata.name));
      return;
    }
    // Only changes that can move an endpoint matter: IP, readiness, labels, deletion.
    const p = e.object as IPod & KObj;
    const prev = e.prev as (IPod & KObj) | undefined;
    if (prev && e.type === 'MODIFIED') {
      const sig = (x: IPod & KObj): string => JSON.stringify([x.status?.podIP, isReady(x), x.metadata.labels, Boolean(x.metadata.deletionTimestamp), x.status?.phase]);
      if (sig(prev) === sig(p)) return;
    }
    for (const svc of this.store.list<IService>('services', ns)) {
      const sel = svc.spec?.selector;
      if (!sel || Object.keys(sel).length === 0) continue;
      const s = selectorFromSet(sel);
      if (s.matches(p.metadata.labels) || (prev && s.matches(prev.metadata.labels))) q.add(NAME, objectKey(ns, svc.metadata.name), 200);
    }
  }

  reconcile(key: string): void {
    const [ns, name] = key.split('/') as [string, string];
    const svc = this.store.get<IService>('services', ns, name);
    if (!svc) {
      if (this.store.get('endpoints', ns, name)) this.store.remove('endpoints', ns, name);
      for (const s of [...this.store.list('discovery.k8s.io/endpointslices', ns)]) if (s.metadata.labels?.['kubernetes.io/service-name'] === name) this.store.remove('discovery.k8s.io/endpointslices', ns, s.metadata.name);
      return;
    }
    const sel = svc.spec?.selector;
    if (!sel || Object.keys(sel).length === 0) return; // endpoints of selector-less services are the user's
    const selector = selectorFromSet(sel);
    const pods = [...this.store.list<IPod>('pods', ns)].filter((p) => selector.matches(p.metadata.labels) && p.status?.podIP && !p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
    const ports: Port[] = (svc.spec?.ports ?? []).map((sp) => {
      let port = typeof sp.targetPort === 'number' ? sp.targetPort : sp.port;
      if (typeof sp.targetPort === 'string') {
        for (const p of pods) for (const c of p.spec?.containers ?? []) for (const cp of c.ports ?? []) if (cp.name === sp.targetPort) port = cp.containerPort;
      }
      const out: Port = { port, protocol: sp.protocol ?? 'TCP' };
      if (sp.name) out.name = sp.name;
      return out;
    });
    const addr = (p: IPod & KObj): Record<string, unknown> => ({ ip: p.status!.podIP, nodeName: p.spec?.nodeName, targetRef: { kind: 'Pod', namespace: ns, name: p.metadata.name, uid: p.metadata.uid } });
    const ready = pods.filter(isReady).sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
    const notReady = pods.filter((p) => !isReady(p)).sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
    const subset: Record<string, unknown> = { ports };
    if (ready.length) subset.addresses = ready.map(addr);
    if (notReady.length) subset.notReadyAddresses = notReady.map(addr);
    const subsets = pods.length ? [subset] : undefined;
    const labels = { ...(svc.metadata.labels ?? {}) };
    const ep = this.store.get('endpoints', ns, name);
    const epBody: KObj = { apiVersion: 'v1', kind: 'Endpoints', metadata: { ...(ep?.metadata ?? { uid: '', resourceVersion: '', creationTimestamp: '' }), name, namespace: ns, labels }, ...(subsets ? { subsets } : {}) };
    if (!ep) this.store.create('endpoints', epBody);
    else if (JSON.stringify(ep.subsets) !== JSON.stringify(subsets) || JSON.stringify(ep.metadata.labels) !== JSON.stringify(labels)) this.store.update('endpoints', epBody);

    const endpoints = pods
      .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))
      .map((p) => ({
        addresses: [p.status!.podIP],
        conditions: { ready: isReady(p), serving: isReady(p), terminating: false },
        nodeName: p.spec?.nodeName,
        targetRef: { kind: 'Pod', namespace: ns, name: p.metadata.name, uid: p.metadata.uid },
      }));
    const existing = [...this.store.list('discovery.k8s.io/endpointslices', ns)].find((s) => s.metadata.labels?.['kubernetes.io/service-name'] === name);
    const sliceLabels = { ...labels, 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': name };
    const slice: KObj = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        ...(existing?.metadata ?? { uid: '', resourceVersion: '', creationTimestamp: '' }),
        name: existing?.metadata.name ?? `${name}-${randSuffix(5)}`,
        namespace: ns,
        generateName: `${name}-`,
        labels: sliceLabels,
        ownerReferences: [{ ...ownerRef(svc), blockOwnerDeletion: true }],
      },
      addressType: 'IPv4',
      endpoints,
      ports: ports.map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol })),
    };
    if (!existing) this.store.create('discovery.k8s.io/endpointslices', slice);
    else if (JSON.stringify(existing.endpoints) !== JSON.stringify(endpoints) || JSON.stringify(existing.ports) !== JSON.stringify(slice.ports)) this.store.update('discovery.k8s.io/endpointslices', slice);
  }
}

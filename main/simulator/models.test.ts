import { CronJob } from 'kubernetes-models/batch/v1/CronJob';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { DaemonSet } from 'kubernetes-models/apps/v1/DaemonSet';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { ReplicaSet } from 'kubernetes-models/apps/v1/ReplicaSet';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { EndpointSlice } from 'kubernetes-models/discovery.k8s.io/v1/EndpointSlice';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { IngressClass } from 'kubernetes-models/networking.k8s.io/v1/IngressClass';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { StorageClass } from 'kubernetes-models/storage.k8s.io/v1/StorageClass';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Endpoints } from 'kubernetes-models/v1/Endpoints';
import { Event } from 'kubernetes-models/v1/Event';
import { LimitRange } from 'kubernetes-models/v1/LimitRange';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Node } from 'kubernetes-models/v1/Node';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { Pod } from 'kubernetes-models/v1/Pod';
import { ReplicationController } from 'kubernetes-models/v1/ReplicationController';
import { ResourceQuota } from 'kubernetes-models/v1/ResourceQuota';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSimulator, type Simulator } from './index';
import { call, eventually } from './testing';

// Every object the busy scenario holds (after its controllers have run) validates against the
// Kubernetes OpenAPI schemas that kubernetes-models ships: the simulator invents no fields.

interface Validatable {
  validate(): void;
}
const MODELS: Record<string, new (data: never) => Validatable> = {
  'v1/Pod': Pod,
  'v1/Node': Node,
  'v1/Service': Service,
  'v1/Namespace': Namespace,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/ServiceAccount': ServiceAccount,
  'v1/Endpoints': Endpoints,
  'v1/Event': Event,
  'v1/PersistentVolumeClaim': PersistentVolumeClaim,
  'v1/ReplicationController': ReplicationController,
  'v1/ResourceQuota': ResourceQuota,
  'v1/LimitRange': LimitRange,
  'apps/v1/Deployment': Deployment,
  'apps/v1/ReplicaSet': ReplicaSet,
  'apps/v1/DaemonSet': DaemonSet,
  'apps/v1/StatefulSet': StatefulSet,
  'batch/v1/Job': Job,
  'batch/v1/CronJob': CronJob,
  'discovery.k8s.io/v1/EndpointSlice': EndpointSlice,
  'networking.k8s.io/v1/Ingress': Ingress,
  'networking.k8s.io/v1/IngressClass': IngressClass,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'storage.k8s.io/v1/StorageClass': StorageClass,
};

const PATHS = [
  '/api/v1/pods', '/api/v1/nodes', '/api/v1/services', '/api/v1/namespaces', '/api/v1/configmaps', '/api/v1/secrets', '/api/v1/serviceaccounts', '/api/v1/endpoints', '/api/v1/events',
  '/api/v1/persistentvolumeclaims', '/api/v1/replicationcontrollers', '/api/v1/resourcequotas', '/api/v1/limitranges', '/apis/apps/v1/deployments', '/apis/apps/v1/replicasets',
  '/apis/apps/v1/daemonsets', '/apis/apps/v1/statefulsets', '/apis/batch/v1/jobs', '/apis/batch/v1/cronjobs', '/apis/discovery.k8s.io/v1/endpointslices', '/apis/networking.k8s.io/v1/ingresses',
  '/apis/networking.k8s.io/v1/ingressclasses', '/apis/networking.k8s.io/v1/networkpolicies', '/apis/storage.k8s.io/v1/storageclasses',
];

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ scenario: 'busy', speed: 50, nodeName: 'ubuntu' });
  // Let the controllers create pods, jobs, endpoints and events, and let some pods fail.
  await eventually(() => sim.store.all('pods', 'shop').some((p) => JSON.stringify(p).includes('CrashLoopBackOff')), 15_000, 'a crash loop');
  await eventually(() => sim.store.all('batch/jobs', 'batch').some((j) => JSON.stringify(j.status ?? {}).includes('"Complete"')), 15_000, 'a completed job');
});
afterAll(() => sim.stop());

it('the schema check itself rejects a malformed object', () => {
  expect(() => new Pod({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec: { containers: 'nginx' } } as never).validate()).toThrow();
  expect(() => new Service({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'x' }, spec: { ports: [{ port: '80' }] } } as never).validate()).toThrow();
});

it('serves only schema-valid objects of every kind', async () => {
  const problems: string[] = [];
  let count = 0;
  for (const path of PATHS) {
    const list = (await call(sim, 'GET', path)).json() as { apiVersion: string; items: { apiVersion: string; kind: string; metadata: { namespace?: string; name: string } }[] };
    expect(list.items.length, path).toBeGreaterThan(0);
    for (const item of list.items) {
      const Model = MODELS[`${item.apiVersion}/${item.kind}`];
      expect(Model, `${item.apiVersion}/${item.kind}`).toBeDefined();
      count++;
      try {
        new Model!(item as never).validate();
      } catch (e) {
        problems.push(`${item.kind} ${item.metadata.namespace ?? ''}/${item.metadata.name}: ${e instanceof Error ? e.message.slice(0, 300) : String(e)}`);
      }
    }
  }
  expect(problems).toEqual([]);
  expect(count).toBeGreaterThan(100);
});

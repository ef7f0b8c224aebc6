import type { CheckupReport } from '../../contract';
import type { KubeTransport } from '../cluster/kube-http';
import { probeAnonymous, probeCertificate, type AnonymousProbe, type CertificateProbe } from './api-probes';
import { checkApiServer } from './check-api-server';
import { checkImages } from './check-images';
import { checkNamespaces } from './check-namespaces';
import { checkNetworkPolicies } from './check-network-policies';
import { checkPodSecurity } from './check-pod-security';
import { checkVersion } from './check-version';
import { checkWorkloadHygiene } from './check-workload-hygiene';
import { collectSnapshot, type ClusterSnapshot } from './cluster-snapshot';
import { PLATFORM_NOTE } from './finding';
import { RELEASES_AS_OF } from './kubernetes-releases';
import type { Microk8sFacts } from './microk8s-facts';
import { buildAreas, overall } from './score';

// One check-up: read the cluster, ask the API server and (for Berth's local microk8s) the snap,
// run every check, score.

export interface CheckupInputs {
  transport: KubeTransport;
  context: string | null;
  now(): number;
  /** The local microk8s' own view (channel, addons); undefined when the context is another cluster. */
  microk8s?: () => Promise<Microk8sFacts | undefined>;
  probeAnonymous?: (server: string) => Promise<AnonymousProbe>;
  probeCertificate?: (server: string) => Promise<CertificateProbe>;
  pageSize?: number;
  onProgress?(text: string): void;
}

/** Every check over one snapshot: pure, so tests run it on small objects. */
export function reportFrom(snapshot: ClusterSnapshot, extra: { context: string | null; server: string; anonymous: AnonymousProbe; certificate: CertificateProbe; microk8s: Microk8sFacts | undefined; now: number; startedAt: number }): CheckupReport {
  const findings = [
    ...checkVersion(snapshot.serverVersion, extra.now, extra.microk8s),
    ...checkPodSecurity(snapshot.pods, snapshot.namespaces, snapshot.serverVersion),
    ...checkNamespaces(snapshot),
    ...checkNetworkPolicies(snapshot),
    ...checkApiServer(snapshot, { server: extra.server, anonymous: extra.anonymous, certificate: extra.certificate, microk8s: extra.microk8s, now: extra.now }),
    ...checkImages(snapshot),
    ...checkWorkloadHygiene(snapshot),
  ];
  const areas = buildAreas(findings);
  const total = overall(areas);
  return {
    context: extra.context,
    ...(snapshot.serverVersion ? { serverVersion: snapshot.serverVersion } : {}),
    generatedAt: extra.now,
    durationMs: Math.max(0, extra.now - extra.startedAt),
    score: total.score,
    status: total.status,
    areas,
    scope: `${snapshot.pods ? `Checked ${snapshot.pods.length} pods in ${new Set(snapshot.pods.map((p) => p.namespace)).size} namespaces. ` : ''}${PLATFORM_NOTE}`,
    releaseDataAsOf: RELEASES_AS_OF,
    notes: [...snapshot.problems, ...(extra.microk8s?.problems ?? [])],
  };
}

export async function runCheckup(inputs: CheckupInputs): Promise<CheckupReport> {
  const startedAt = inputs.now();
  const server = inputs.transport.server;
  const [snapshot, anonymous, certificate, microk8s] = await Promise.all([
    collectSnapshot({ transport: inputs.transport, ...(inputs.pageSize ? { pageSize: inputs.pageSize } : {}), ...(inputs.onProgress ? { onProgress: inputs.onProgress } : {}) }),
    (inputs.probeAnonymous ?? probeAnonymous)(server),
    (inputs.probeCertificate ?? probeCertificate)(server),
    inputs.microk8s ? inputs.microk8s().catch(() => undefined) : Promise.resolve(undefined),
  ]);
  const now = inputs.now();
  return reportFrom(snapshot, { context: inputs.context, server, anonymous, certificate, microk8s, now, startedAt });
}

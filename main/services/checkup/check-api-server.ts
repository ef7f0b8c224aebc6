import { isIP } from 'node:net';
import type { Finding } from '../../contract';
import type { AnonymousProbe, CertificateProbe } from './api-probes';
import type { ClusterSnapshot } from './cluster-snapshot';
import { listNames, makeFinding } from './finding';
import type { Microk8sFacts } from './microk8s-facts';

// The API server's front door: anonymous requests, RBAC, where it listens, its certificate.

export interface ApiServerFacts {
  /** The kubeconfig's server URL (no credentials). */
  server: string;
  anonymous: AnonymousProbe;
  certificate: CertificateProbe;
  microk8s: Microk8sFacts | undefined;
  now: number;
}

const day = 24 * 3600_000;
const CERT_WARN_DAYS = 30;
const CERT_FAIL_DAYS = 7;

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || (isIP(h) === 4 && h.startsWith('127.'));
}

const hostOf = (address: string): string => (address.startsWith('[') ? address.slice(0, address.indexOf(']') + 1) : address.replace(/:\d+$/, ''));

export function checkApiServer(snapshot: ClusterSnapshot, facts: ApiServerFacts): Finding[] {
  const out: Finding[] = [];
  const a = facts.anonymous;
  out.push(
    makeFinding('api-server', {
      id: 'anonymous',
      title: 'Anonymous requests',
      status: 'error' in a ? 'warning' : a.status >= 200 && a.status < 300 ? 'fail' : 'pass',
      summary:
        'error' in a
          ? `Berth could not ask the API server without credentials (${a.error}).`
          : a.status >= 200 && a.status < 300
            ? 'A request with no credentials at all was answered: anyone who can reach the API server can list its namespaces.'
            : a.status === 401
              ? 'The API server refuses requests without credentials (401).'
              : `The API server accepts requests without credentials as system:anonymous but refuses them the namespace list (${a.status}).`,
      why: 'Anonymous access means the cluster trusts anyone on the network. Even read access shows attackers what runs where, and a wrong RoleBinding for system:anonymous hands them the cluster.',
      fix: '# kube-apiserver flag (microk8s: /var/snap/microk8s/current/args/kube-apiserver, then sudo snap restart microk8s)\n--anonymous-auth=false',
      fixFormat: 'shell',
    }),
  );

  const rbacServed = snapshot.apiGroups?.includes('rbac.authorization.k8s.io');
  const addon = facts.microk8s?.rbacEnabled;
  if (snapshot.apiGroups) {
    const ok = rbacServed && addon !== false;
    out.push(
      makeFinding('api-server', {
        id: 'rbac',
        title: 'RBAC authorisation',
        status: ok ? 'pass' : 'fail',
        summary: !rbacServed
          ? 'The server does not serve the rbac.authorization.k8s.io API group: every authenticated user (and service account) may do anything.'
          : addon === false
            ? 'The RBAC API is there, but microk8s\' rbac addon is off: the API server authorises every request (AlwaysAllow).'
            : addon === true
              ? 'RBAC is on: the rbac.authorization.k8s.io group is served and microk8s\' rbac addon is enabled.'
              : 'The rbac.authorization.k8s.io API group is served.',
        why: 'Without RBAC every pod\'s service account token is a cluster-admin key: one compromised app can read all Secrets and change anything.',
        fix: facts.microk8s ? 'microk8s enable rbac' : '# kube-apiserver flag\n--authorization-mode=Node,RBAC',
        fixFormat: 'shell',
      }),
    );
  }

  const serverHost = new URL(facts.server).hostname;
  const endpoints = snapshot.apiEndpoints ?? [];
  const exposed = [...new Set([...(isLoopback(serverHost) ? [] : [serverHost]), ...endpoints.map(hostOf).filter((h) => !isLoopback(h))])];
  out.push(
    makeFinding('api-server', {
      id: 'listen-address',
      title: 'API server address',
      status: exposed.length ? 'warning' : 'pass',
      summary: exposed.length
        ? `The API server is reachable on ${listNames(exposed)}, not only on this machine's loopback address${endpoints.length ? ` (the kubernetes service's endpoints: ${listNames(endpoints)})` : ''}.`
        : 'The API server listens on a loopback address only.',
      why: 'An API server on a network address can be reached by every machine on that network: its authentication and TLS are all that stand between them and the cluster. Keep it on a trusted network or behind a firewall.',
      fix: '# allow the API port only from trusted machines, e.g. with ufw\nsudo ufw allow from 192.168.1.0/24 to any port 16443 proto tcp\nsudo ufw deny 16443/tcp',
      fixFormat: 'shell',
    }),
  );

  const c = facts.certificate;
  if ('error' in c) {
    out.push(makeFinding('api-server', { id: 'certificate', title: 'Serving certificate', status: 'warning', summary: `Berth could not read the API server's certificate (${c.error}).`, why: 'An expired certificate stops every client, kubectl and the nodes included.', fix: 'sudo microk8s refresh-certs --check', fixFormat: 'shell' }));
  } else {
    const days = Math.floor((c.validTo - facts.now) / day);
    const expires = new Date(c.validTo).toISOString().slice(0, 10);
    out.push(
      makeFinding('api-server', {
        id: 'certificate',
        title: 'Serving certificate',
        status: days < CERT_FAIL_DAYS ? 'fail' : days < CERT_WARN_DAYS ? 'warning' : 'pass',
        summary: days < 0 ? `The API server's certificate expired on ${expires}.` : `The API server's certificate expires on ${expires} (in ${days} days).`,
        why: 'When the serving certificate expires, kubectl, Berth, the nodes and every controller stop trusting the API server at once: the cluster stops being manageable.',
        fix: facts.microk8s ? '# microk8s: renew the server certificate\nsudo microk8s refresh-certs --cert server.crt' : '# kubeadm clusters\nsudo kubeadm certs renew apiserver',
        fixFormat: 'shell',
      }),
    );
  }
  return out;
}

import { chmod, writeFile } from 'node:fs/promises';
import { stringify } from 'yaml';

// The kubeconfig `microk8s config` prints (reference §5): cluster microk8s-cluster, user admin,
// context microk8s, the CA embedded, a static token as older microk8s releases use.
// Written with mode 0600; its contents are never logged.

export function kubeconfigYaml(server: string, caPem: string, token: string): string {
  return stringify({
    apiVersion: 'v1',
    clusters: [{ cluster: { 'certificate-authority-data': Buffer.from(caPem).toString('base64'), server }, name: 'microk8s-cluster' }],
    contexts: [{ context: { cluster: 'microk8s-cluster', user: 'admin' }, name: 'microk8s' }],
    'current-context': 'microk8s',
    kind: 'Config',
    preferences: {},
    users: [{ name: 'admin', user: { token } }],
  });
}

export async function writeKubeconfig(path: string, server: string, caPem: string, token: string): Promise<void> {
  await writeFile(path, kubeconfigYaml(server, caPem, token), { mode: 0o600 });
  await chmod(path, 0o600);
}

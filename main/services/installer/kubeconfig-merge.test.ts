import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { KubeconfigError, mergeKubeconfig, mergeKubeconfigFile } from './kubeconfig-merge';

const MICROK8S = `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: Q0EK
    server: https://10.26.51.2:16443
  name: microk8s-cluster
contexts:
- context:
    cluster: microk8s-cluster
    user: admin
  name: microk8s
current-context: microk8s
kind: Config
preferences: {}
users:
- name: admin
  user:
    client-certificate-data: Q0VSVAo=
    client-key-data: S0VZCg==
`;

const EXISTING = `# my clusters, hand-kept
apiVersion: v1
kind: Config
current-context: work
clusters:
- name: work-cluster
  cluster: {server: https://work.example:6443}
users:
- name: admin
  user: {token: work-secret}
contexts:
- name: work
  context: {cluster: work-cluster, user: admin}
`;

describe('mergeKubeconfig', () => {
  it('adds microk8s as its own context and leaves the others, the comment and the current context alone', () => {
    const merged = mergeKubeconfig(EXISTING, MICROK8S);
    expect(merged.startsWith('# my clusters, hand-kept')).toBe(true);
    const config = parse(merged);
    expect(config['current-context']).toBe('work');
    expect(config.contexts).toEqual([
      { name: 'work', context: { cluster: 'work-cluster', user: 'admin' } },
      { name: 'microk8s', context: { cluster: 'microk8s-cluster', user: 'microk8s-admin' } },
    ]);
    // The person's own `admin` user keeps its token; microk8s' admin comes in under another name.
    expect(config.users[0]).toEqual({ name: 'admin', user: { token: 'work-secret' } });
    expect(config.users[1].name).toBe('microk8s-admin');
    expect(config.users[1].user['client-key-data']).toBe('S0VZCg==');
    expect(config.clusters[1].cluster.server).toBe('https://10.26.51.2:16443');
  });

  it('replaces its own earlier entries instead of adding duplicates', () => {
    const once = mergeKubeconfig(EXISTING, MICROK8S);
    const twice = mergeKubeconfig(once, MICROK8S.replace('10.26.51.2', '10.0.0.9'));
    const config = parse(twice);
    expect(config.contexts).toHaveLength(2);
    expect(config.clusters.filter((c: { name: string }) => c.name === 'microk8s-cluster')).toHaveLength(1);
    expect(config.clusters[1].cluster.server).toBe('https://10.0.0.9:16443');
  });

  it('starts a new file with microk8s as the current context', () => {
    const config = parse(mergeKubeconfig(undefined, MICROK8S));
    expect(config['current-context']).toBe('microk8s');
    expect(config.kind).toBe('Config');
  });

  it('refuses a file it cannot parse', () => {
    expect(() => mergeKubeconfig('clusters: [unclosed\n  - : :', MICROK8S)).toThrow(KubeconfigError);
    expect(() => mergeKubeconfig('just a string', MICROK8S)).toThrow(KubeconfigError);
    expect(() => mergeKubeconfig('clusters: 3\n', MICROK8S)).toThrow(/not a list/);
  });
});

describe('mergeKubeconfigFile', () => {
  it('backs up the old file and writes the new one with mode 0600', () => {
    const dir = mkdtempSync(join(tmpdir(), 'berth-kc-'));
    const path = join(dir, 'config');
    writeFileSync(path, EXISTING, { mode: 0o644 });
    const result = mergeKubeconfigFile(path, MICROK8S, () => Date.UTC(2026, 0, 2));
    expect(result.backupPath).toBeDefined();
    expect(readFileSync(result.backupPath as string, 'utf8')).toBe(EXISTING);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(result.backupPath as string).mode & 0o777).toBe(0o600);
    expect(parse(readFileSync(path, 'utf8')).contexts).toHaveLength(2);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('never clobbers a file it cannot parse', () => {
    const dir = mkdtempSync(join(tmpdir(), 'berth-kc-'));
    const path = join(dir, 'config');
    writeFileSync(path, '{{{ not yaml');
    expect(() => mergeKubeconfigFile(path, MICROK8S)).toThrow(KubeconfigError);
    expect(readFileSync(path, 'utf8')).toBe('{{{ not yaml');
    expect(readdirSync(dir)).toEqual(['config']);
  });

  it('creates ~/.kube and the file when there is none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'berth-kc-'));
    const path = join(dir, '.kube', 'config');
    const result = mergeKubeconfigFile(path, MICROK8S);
    expect(result.backupPath).toBeUndefined();
    expect(statSync(join(dir, '.kube')).mode & 0o777).toBe(0o700);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});

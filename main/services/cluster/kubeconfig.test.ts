import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { authKindOf, configForContext, describeContexts, safeServer } from './contexts';
import { kubeconfigPaths, loadKubeconfig, type KubeconfigDeps } from './kubeconfig';

function files(map: Record<string, unknown>, env: string | undefined = undefined): KubeconfigDeps {
  return {
    env: { KUBECONFIG: env },
    home: '/home/ada',
    delimiter: ':',
    exists: (p) => p in map,
    readFile: (p) => {
      const v = map[p];
      if (v === undefined) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
      return typeof v === 'string' ? v : stringify(v);
    },
  };
}

const cfg = (name: string, server: string, user: Record<string, unknown>, current?: string, clusterExtra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Config',
  clusters: [{ name: `${name}-cluster`, cluster: { server, ...clusterExtra } }],
  users: [{ name: `${name}-user`, user }],
  contexts: [{ name, context: { cluster: `${name}-cluster`, user: `${name}-user` } }],
  ...(current ? { 'current-context': current } : {}),
});

describe('kubeconfigPaths', () => {
  it('uses --kubeconfig alone, then $KUBECONFIG, then ~/.kube/config', () => {
    expect(kubeconfigPaths({ kubeconfig: '/x' }, files({}, '/a:/b'))).toEqual({ paths: ['/x'], mustExist: true });
    expect(kubeconfigPaths({}, files({}, '/a::/b:/a'))).toEqual({ paths: ['/a', '/b'], mustExist: false });
    expect(kubeconfigPaths({}, files({}))).toEqual({ paths: ['/home/ada/.kube/config'], mustExist: false });
  });
});

describe('loadKubeconfig', () => {
  it('merges $KUBECONFIG files as kubectl: first file to define a name or current-context wins, missing files skipped', () => {
    const deps = files(
      {
        '/a': cfg('dev', 'https://dev:6443', { token: 'A' }, 'dev'),
        '/b': {
          ...cfg('dev', 'https://other:6443', { token: 'B' }, 'prod'),
          contexts: [
            { name: 'dev', context: { cluster: 'dev-cluster', user: 'dev-user', namespace: 'ignored' } },
            { name: 'prod', context: { cluster: 'dev-cluster', user: 'dev-user' } },
          ],
        },
      },
      '/a:/missing:/b',
    );
    const { config, sources, problems } = loadKubeconfig({}, deps);
    expect(sources).toEqual(['/a', '/b']);
    expect(problems).toEqual([]);
    expect(config.getCurrentContext()).toBe('dev');
    expect(config.getContexts().map((c) => c.name)).toEqual(['dev', 'prod']);
    expect(config.getContextObject('dev')?.namespace).toBeUndefined();
    expect(config.getCluster('dev-cluster')?.server).toBe('https://dev:6443');
    expect(config.getUser('dev-user')?.token).toBe('A');
  });

  it('takes current-context from a later file when earlier ones set none', () => {
    const deps = files({ '/a': cfg('a', 'https://a', { token: 'x' }), '/b': cfg('b', 'https://b', { token: 'y' }, 'b') }, '/a:/b');
    expect(loadKubeconfig({}, deps).config.getCurrentContext()).toBe('b');
  });

  it('--context overrides current-context, and an unknown one is reported', () => {
    const deps = files({ '/a': cfg('a', 'https://a', { token: 'x' }, 'a') }, '/a');
    expect(loadKubeconfig({ context: 'a' }, deps).problems).toEqual([]);
    const { config, problems } = loadKubeconfig({ context: 'nope' }, deps);
    expect(config.getCurrentContext()).toBe('nope');
    expect(problems[0]).toContain('--context nope');
  });

  it('reports a missing --kubeconfig and a file that does not parse, without its contents, and keeps the others', () => {
    expect(loadKubeconfig({ kubeconfig: '/gone' }, files({})).problems[0]).toContain('/gone: no such file');
    const { sources, problems } = loadKubeconfig({}, files({ '/bad': 'token: SECRET\n  : : [', '/ok': cfg('ok', 'https://ok', {}) }, '/bad:/ok'));
    expect(sources).toEqual(['/ok']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('/bad: is not valid YAML');
    expect(problems[0]).not.toContain('SECRET');
  });

  it('keeps valid entries of a file with an invalid one, and says so', () => {
    const broken = { ...cfg('ok', 'https://ok', {}), clusters: [{ name: 'ok-cluster', cluster: { server: 'https://ok' } }, { name: 'no-server', cluster: {} }] };
    const { config, problems } = loadKubeconfig({}, files({ '/a': broken }, '/a'));
    expect(config.getClusters().map((c) => c.name)).toEqual(['ok-cluster']);
    expect(problems[0]).toContain('clusters[1].cluster.server is missing');
  });

  it('resolves relative certificate, tokenFile and exec command paths against the file folder', () => {
    const deps = files({
      '/etc/kube/config': {
        ...cfg('a', 'https://a', { 'client-certificate': 'certs/me.crt', 'client-key': 'certs/me.key' }, 'a'),
        users: [
          { name: 'a-user', user: { 'client-certificate': 'certs/me.crt', 'client-key': 'certs/me.key' } },
          { name: 'exec-user', user: { exec: { command: './bin/plugin', apiVersion: 'client.authentication.k8s.io/v1' } } },
        ],
      },
    });
    const { config } = loadKubeconfig({ kubeconfig: '/etc/kube/config' }, deps);
    expect(config.getUser('a-user')?.certFile).toBe('/etc/kube/certs/me.crt');
    expect(config.getUser('a-user')?.keyFile).toBe('/etc/kube/certs/me.key');
    expect((config.getUser('exec-user')?.exec as { command: string }).command).toBe('/etc/kube/bin/plugin');
  });
});

describe('contexts', () => {
  it('detects each auth kind', () => {
    expect(authKindOf({ name: 'u', certData: 'x', keyData: 'y' })).toBe('client-certificate');
    expect(authKindOf({ name: 'u', certFile: '/c' })).toBe('client-certificate');
    expect(authKindOf({ name: 'u', token: 't' })).toBe('token');
    expect(authKindOf({ name: 'u', exec: { command: 'kubelogin' } })).toBe('exec');
    expect(authKindOf({ name: 'u', authProvider: { name: 'oidc', config: {} } })).toBe('auth-provider');
    expect(authKindOf({ name: 'u', authProvider: { name: 'gcp', config: { exec: { command: 'gcloud' } } } })).toBe('exec');
    expect(authKindOf({ name: 'u', username: 'admin', password: 'p' })).toBe('basic');
    expect(authKindOf({ name: 'u' })).toBe('none');
    expect(authKindOf(null)).toBe('none');
  });

  it('describes contexts without credentials: server address, insecure flag, exec lookup', () => {
    const deps = files({
      '/a': {
        apiVersion: 'v1',
        clusters: [
          { name: 'c1', cluster: { server: 'https://admin:hunter2@k8s.example:6443/', 'insecure-skip-tls-verify': true, 'proxy-url': 'http://proxy:3128' } },
          { name: 'c2', cluster: { server: 'https://gke.example' } },
        ],
        users: [
          { name: 'tok', user: { token: 'SUPERSECRET' } },
          { name: 'gke', user: { exec: { command: 'gke-gcloud-auth-plugin', apiVersion: 'client.authentication.k8s.io/v1beta1' } } },
        ],
        contexts: [
          { name: 'one', context: { cluster: 'c1', user: 'tok', namespace: 'web' } },
          { name: 'two', context: { cluster: 'c2', user: 'gke' } },
        ],
        'current-context': 'one',
      },
    });
    const { config } = loadKubeconfig({ kubeconfig: '/a' }, deps);
    const infos = describeContexts(config, (command) => ({ resolvedPath: command === 'gke-gcloud-auth-plugin' ? null : `/usr/bin/${command}`, searched: ['/usr/bin', '/snap/bin'] }));
    expect(infos).toEqual([
      { name: 'one', cluster: 'c1', server: 'https://k8s.example:6443', user: 'tok', namespace: 'web', authKind: 'token', insecure: true },
      {
        name: 'two',
        cluster: 'c2',
        server: 'https://gke.example',
        user: 'gke',
        authKind: 'exec',
        insecure: false,
        exec: { command: 'gke-gcloud-auth-plugin', resolvedPath: null, searched: ['/usr/bin', '/snap/bin'] },
      },
    ]);
    expect(JSON.stringify(infos)).not.toMatch(/SUPERSECRET|hunter2/);
  });

  it('safeServer drops userinfo', () => {
    expect(safeServer('https://u:p@h:1')).toBe('https://h:1');
    expect(safeServer('not a url')).toBe('not a url');
  });

  it('pins an exec plugin to the found path and the login shell PATH, from the same merged config', () => {
    const deps = files({
      '/a': {
        clusters: [{ name: 'c', cluster: { server: 'https://x' } }],
        users: [{ name: 'u', user: { exec: { command: 'kubelogin', args: ['get-token'], env: [{ name: 'FOO', value: 'bar' }] } } }],
        contexts: [{ name: 'ctx', context: { cluster: 'c', user: 'u' } }],
      },
    });
    const merged = loadKubeconfig({ kubeconfig: '/a' }, deps).config;
    const kc = configForContext(merged, 'ctx', { resolvedPath: '/opt/bin/kubelogin', searchPath: ['/opt/bin', '/usr/bin'] });
    expect(kc.getCurrentContext()).toBe('ctx');
    expect(kc.getCurrentUser()?.exec).toEqual({
      command: '/opt/bin/kubelogin',
      args: ['get-token'],
      env: [
        { name: 'FOO', value: 'bar' },
        { name: 'PATH', value: '/opt/bin:/usr/bin' },
      ],
    });
    // The merged config itself is not changed.
    expect((merged.getUser('u')?.exec as { command: string }).command).toBe('kubelogin');
    expect(() => configForContext(merged, 'missing', { resolvedPath: null, searchPath: [] })).toThrow(/No context named "missing"/);
  });
});

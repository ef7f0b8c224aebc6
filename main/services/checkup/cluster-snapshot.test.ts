import { describe, expect, it } from 'vitest';
import { KubeApiError } from '../cluster/kube-errors';
import type { KubeRequest, KubeTransport } from '../cluster/kube-http';
import { collectSnapshot } from './cluster-snapshot';

function fakeTransport(answer: (req: KubeRequest) => unknown): KubeTransport & { paths: string[] } {
  const paths: string[] = [];
  return {
    server: 'https://127.0.0.1:16443',
    paths,
    request: async <T>(req: KubeRequest) => {
      paths.push(`${req.path}${req.query?.continue ? `?continue=${String(req.query.continue)}` : ''}`);
      const a = answer(req);
      if (a instanceof Error) throw a;
      return a as T;
    },
    text: async () => ({ status: 200, body: '' }),
    stream: () => ({ done: Promise.resolve(), abort: () => undefined }),
    close: () => undefined,
  };
}

const podJson = (name: string) => ({ metadata: { name, namespace: 'shop', managedFields: [{ big: 'x'.repeat(1000) }] }, spec: { containers: [{ name: 'c', image: 'nginx' }] }, status: { phase: 'Running' } });

describe('collectSnapshot', () => {
  it('pages through each list once and keeps only the fields the checks read', async () => {
    const t = fakeTransport((req) => {
      if (req.path === '/api/v1/pods') return req.query?.continue ? { items: [podJson('b')] } : { items: [podJson('a')], metadata: { continue: 'next' } };
      if (req.path === '/version') return { gitVersion: 'v1.32.2' };
      if (req.path === '/apis') return { groups: [{ name: 'apps' }] };
      if (req.path.endsWith('/endpoints/kubernetes')) return { subsets: [{ addresses: [{ ip: '10.0.2.15' }], ports: [{ port: 16443 }] }] };
      return { items: [] };
    });
    const progress: string[] = [];
    const s = await collectSnapshot({ transport: t, pageSize: 1, onProgress: (p) => progress.push(p) });
    expect(progress).toEqual(expect.arrayContaining(['Listing pods…', 'Listing pods: 1 so far…', 'Listing network policies…']));
    expect(s.pods?.map((p) => p.name)).toEqual(['a', 'b']);
    expect(JSON.stringify(s.pods)).not.toContain('managedFields');
    expect(t.paths.filter((p) => p.startsWith('/api/v1/pods'))).toEqual(['/api/v1/pods', '/api/v1/pods?continue=next']);
    expect(s.apiEndpoints).toEqual(['10.0.2.15:16443']);
    expect(s.serverVersion).toBe('v1.32.2');
    expect(s.problems).toEqual([]);
  });

  it('leaves a refused list out with a note, but fails as a whole when the server is unreachable', async () => {
    const forbidden = fakeTransport((req) => (req.path.includes('networkpolicies') ? new KubeApiError('forbidden', 'no', 403, undefined) : req.path === '/apis' ? { groups: [] } : { items: [] }));
    const s = await collectSnapshot({ transport: forbidden });
    expect(s.networkPolicies).toBeUndefined();
    expect(s.problems).toEqual(["Berth may not list network policies with this context's credentials, so the checks that need them are left out."]);
    const down = fakeTransport(() => new KubeApiError('unreachable', 'connection refused', undefined, undefined));
    await expect(collectSnapshot({ transport: down })).rejects.toThrow('connection refused');
  });
});

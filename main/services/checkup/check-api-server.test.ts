import { describe, expect, it } from 'vitest';
import type { Finding } from '../../contract';
import { checkApiServer, type ApiServerFacts } from './check-api-server';

const NOW = Date.parse('2026-11-27T12:00:00Z');
const day = 24 * 3600_000;
const facts = (over: Partial<ApiServerFacts> = {}): ApiServerFacts => ({ server: 'https://127.0.0.1:16443', anonymous: { status: 401 }, certificate: { validTo: NOW + 300 * day, subject: '127.0.0.1' }, microk8s: undefined, now: NOW, ...over });
const ids = (snapshot: Parameters<typeof checkApiServer>[0], f: ApiServerFacts) => Object.fromEntries(checkApiServer(snapshot, f).map((x) => [x.id.split('.')[1], x] as const)) as Record<string, Finding>;
const served = { apiGroups: ['apps', 'rbac.authorization.k8s.io'], apiEndpoints: ['127.0.0.1:16443'], problems: [] };

describe('API server', () => {
  it('passes a locked-down server', () => {
    expect(Object.values(ids(served, facts())).map((f) => f.status)).toEqual(['pass', 'pass', 'pass', 'pass']);
  });

  it('fails when a request without credentials is answered; 403 means anonymous but refused', () => {
    expect(ids(served, facts({ anonymous: { status: 200 } })).anonymous!.status).toBe('fail');
    const refused = ids(served, facts({ anonymous: { status: 403 } })).anonymous!;
    expect(refused.status).toBe('pass');
    expect(refused.summary).toContain('system:anonymous');
    expect(ids(served, facts({ anonymous: { error: 'ECONNRESET' } })).anonymous!.status).toBe('warning');
  });

  it('fails without the RBAC group, or with microk8s\' rbac addon off', () => {
    expect(ids({ ...served, apiGroups: ['apps'] }, facts()).rbac!.status).toBe('fail');
    const off = ids(served, facts({ microk8s: { rbacEnabled: false, problems: [] } })).rbac!;
    expect(off.status).toBe('fail');
    expect(off.fix).toBe('microk8s enable rbac');
    expect(ids(served, facts({ microk8s: { rbacEnabled: true, problems: [] } })).rbac!.status).toBe('pass');
  });

  it('warns when the API server listens on a network address', () => {
    const listen = ids({ ...served, apiEndpoints: ['10.0.2.15:16443'] }, facts())['listen-address']!;
    expect(listen.status).toBe('warning');
    expect(listen.summary).toContain('10.0.2.15');
    expect(ids(served, facts({ server: 'https://192.168.1.20:6443' }))['listen-address']!.summary).toContain('192.168.1.20');
  });

  it('warns 30 days before the certificate expires and fails 7 days before or after', () => {
    const cert = (days: number) => ids(served, facts({ certificate: { validTo: NOW + days * day + 1000, subject: '' } })).certificate!;
    expect(cert(45).status).toBe('pass');
    expect(cert(12).status).toBe('warning');
    expect(cert(12).summary).toContain('in 12 days');
    expect(cert(3).status).toBe('fail');
    expect(cert(-2).summary).toContain('expired');
  });
});

import { generate } from 'selfsigned';

// A CA and an API-server certificate made at start (never written anywhere but the kubeconfig,
// which embeds only the CA). Like microk8s, the CA's common name is 10.152.183.1 (reference §5);
// the server certificate covers the loopback addresses clients use.

export interface ClusterCerts {
  caPem: string;
  serverCert: string;
  serverKey: string;
}

export interface CertOptions {
  /** Days until the API server's certificate expires (default 365): the check-up's expiry case. */
  serverValidDays?: number | undefined;
}

const DAY_MS = 24 * 3600_000;

export async function makeCerts(opts: CertOptions = {}): Promise<ClusterCerts> {
  const notBeforeDate = new Date(Date.now() - 60_000);
  const notAfterDate = new Date(Date.now() + 365 * DAY_MS);
  const serverNotAfter = new Date(Date.now() + (opts.serverValidDays ?? 365) * DAY_MS);
  const ca = await generate([{ name: 'commonName', value: '10.152.183.1' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const server = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate: serverNotAfter,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 2, value: 'kubernetes' },
          { type: 2, value: 'kubernetes.default' },
          { type: 2, value: 'kubernetes.default.svc' },
          { type: 2, value: 'kubernetes.default.svc.cluster.local' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
          { type: 7, ip: '10.152.183.1' },
        ],
      },
    ],
  });
  return { caPem: ca.cert, serverCert: server.cert, serverKey: server.private };
}

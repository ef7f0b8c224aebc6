// What a container "prints": a few start-up lines that depend on the image, then one line per
// period. Generated from the line number, so nothing is stored per container.

export interface LineSource {
  startup: string[];
  line(i: number, at: Date): string;
  /** The last line of a container that exits with an error. */
  crash?: string;
}

const ip = (i: number): string => `10.1.${(i * 7) % 250}.${(i * 13) % 250}`;

function nginxDate(d: Date): string {
  const m = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${m}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

const nginx: LineSource = {
  startup: [
    '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
    '/docker-entrypoint.sh: Configuration complete; ready for start up',
  ],
  line: (i, at) => `${ip(i)} - - [${nginxDate(at)}] "GET /${i % 5 === 0 ? 'healthz' : ''} HTTP/1.1" 200 615 "-" "kube-probe/1.32" "-"`,
};

const coredns: LineSource = {
  startup: ['.:53', '[INFO] plugin/reload: Running configuration SHA512 = 8e10bf0d5b3f2ae5a0c6b4bba1fb3dd7e4cf3c5a9f0b3d41e8fb1a0b1b1bd2b7', 'CoreDNS-1.12.0', 'linux/amd64, go1.23.3, 51e11f1'],
  line: (i) => `[INFO] ${ip(i)}:${40000 + (i % 20000)} - ${1000 + (i % 60000)} "A IN kubernetes.default.svc.cluster.local. udp 54 false 512" NOERROR qr,aa,rd 106 0.000${100 + (i % 800)}s`,
};

const calico: LineSource = {
  startup: ['2025-03-14 21:27:56.123 [INFO][1] main.go 141: Starting Calico', '2025-03-14 21:27:56.456 [INFO][1] felix/daemon.go 389: Successfully loaded configuration.'],
  line: (i, at) => `${at.toISOString().replace('T', ' ').replace('Z', '')} [INFO][${60 + (i % 9)}] felix/summary.go 100: Summarising 12 dataplane reconciliation loops over 1m2.3s: avg=4ms longest=${10 + (i % 30)}ms ()`,
};

const generic: LineSource = {
  startup: ['starting up', 'listening on :8080'],
  line: (i, at) => `time="${at.toISOString()}" level=info msg="handled request" path=/api/items/${i % 97} status=200 duration=${1 + (i % 40)}ms`,
  crash: 'panic: failed to connect to database: dial tcp 10.152.183.77:5432: connect: connection refused',
};

export function lineSourceFor(image: string): LineSource {
  if (image.includes('nginx')) return nginx;
  if (image.includes('coredns')) return coredns;
  if (image.includes('calico')) return calico;
  return generic;
}

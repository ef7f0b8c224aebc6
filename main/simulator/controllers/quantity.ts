// Kubernetes resource quantities (k8s.io/apimachinery/pkg/api/resource): "250m" CPU, "128Mi"
// memory. Parsed to millicores and bytes for the scheduler's arithmetic.

const SUFFIX: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
  Pi: 1024 ** 5,
  Ei: 1024 ** 6,
};

export function parseQuantity(q: string | number | undefined): number {
  if (q === undefined) return 0;
  if (typeof q === 'number') return q;
  const m = /^([+-]?\d+(?:\.\d+)?)(?:[eE]([+-]?\d+))?([a-zA-Z]*)$/.exec(q.trim());
  if (!m) return 0;
  const base = Number(m[1]) * (m[2] ? 10 ** Number(m[2]) : 1);
  return base * (SUFFIX[m[3] ?? ''] ?? 1);
}

export const milliCpu = (q: string | number | undefined): number => Math.round(parseQuantity(q) * 1000);

export function formatCpuNano(cores: number): string {
  return `${Math.max(0, Math.round(cores * 1e9))}n`;
}

export function formatMemKi(bytes: number): string {
  return `${Math.max(0, Math.round(bytes / 1024))}Ki`;
}

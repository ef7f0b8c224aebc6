// Kubernetes resource quantities ("250m", "1.5", "128Mi", "1G", "12e6") to numbers:
// CPU in millicores, everything else in base units (bytes). Shared by the views (bin packing)
// and the simulator (scheduling, metrics).
// https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/

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
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?)$/;

/** The quantity in base units, or undefined when it does not parse. */
export function parseQuantity(value: string | number | undefined | null): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return value;
  const m = QUANTITY.exec(value.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  if (m[2]) return n * 10 ** Number(m[2].slice(1));
  return n * SUFFIX[m[3] ?? '']!;
}

export const millicores = (value: string | number | undefined | null): number => Math.round((parseQuantity(value) ?? 0) * 1000);
export const bytes = (value: string | number | undefined | null): number => Math.round(parseQuantity(value) ?? 0);

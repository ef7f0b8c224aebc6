// Upstream Kubernetes minor releases and their end-of-life dates, from the release pages at
// https://kubernetes.io/releases/ (each minor's page: "End Of Life Date"). Upstream supports the
// newest three minors for about 14 months each. Update the table and RELEASES_AS_OF together.

export interface KubernetesRelease {
  minor: string;
  released: string;
  endOfLife: string;
  /** Newest patch release Berth knows of. */
  latestPatch: string;
}

/** The date the table was last checked against kubernetes.io; shown as "as of" in the check-up. */
export const RELEASES_AS_OF = '2026-09-15';

export const KUBERNETES_RELEASES: readonly KubernetesRelease[] = [
  { minor: '1.37', released: '2026-08-26', endOfLife: '2027-10-28', latestPatch: '1.37.1' },
  { minor: '1.36', released: '2026-04-22', endOfLife: '2027-06-28', latestPatch: '1.36.4' },
  { minor: '1.35', released: '2025-12-17', endOfLife: '2027-02-28', latestPatch: '1.35.9' },
  { minor: '1.34', released: '2025-08-27', endOfLife: '2026-10-27', latestPatch: '1.34.9' },
  { minor: '1.33', released: '2025-04-23', endOfLife: '2026-06-28', latestPatch: '1.33.10' },
  { minor: '1.32', released: '2024-12-11', endOfLife: '2026-02-28', latestPatch: '1.32.13' },
  { minor: '1.31', released: '2024-08-13', endOfLife: '2025-10-28', latestPatch: '1.31.14' },
  { minor: '1.30', released: '2024-04-17', endOfLife: '2025-07-15', latestPatch: '1.30.14' },
  { minor: '1.29', released: '2023-12-13', endOfLife: '2025-02-28', latestPatch: '1.29.15' },
  { minor: '1.28', released: '2023-08-15', endOfLife: '2024-10-28', latestPatch: '1.28.15' },
];

/** `v1.32.2`, `v1.29.3+k3s1`, `1.30` -> { major: 1, minor: 32, patch: 2 }. */
export function parseVersion(text: string | undefined): { major: number; minor: number; patch: number } | undefined {
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(text ?? '');
  return m ? { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0) } : undefined;
}

export function releaseOf(version: string | undefined): KubernetesRelease | undefined {
  const v = parseVersion(version);
  return v ? KUBERNETES_RELEASES.find((r) => r.minor === `${v.major}.${v.minor}`) : undefined;
}

export const newestRelease = (): KubernetesRelease => KUBERNETES_RELEASES[0]!;

export interface HealthCheck {
  check: string;
  ok: boolean;
}

export interface HealthGroup {
  /** `readyz` or `livez` (the API server endpoint the checks came from). */
  endpoint: string;
  passing: number;
  total: number;
  failing: string[];
}

/**
 * The API server answers /readyz?verbose and /livez?verbose with a line per check (about 20 each):
 * too many to read at a glance. Summarise per endpoint and name only the failing checks.
 */
export function summariseHealth(checks: HealthCheck[]): HealthGroup[] {
  const groups = new Map<string, HealthGroup>();
  for (const { check, ok } of checks) {
    const colon = check.indexOf(':');
    const endpoint = colon > 0 ? check.slice(0, colon).trim() : 'health';
    const name = colon > 0 ? check.slice(colon + 1).trim() : check;
    const group = groups.get(endpoint) ?? { endpoint, passing: 0, total: 0, failing: [] };
    groups.set(endpoint, group);
    group.total++;
    if (ok) group.passing++;
    else group.failing.push(name);
  }
  return [...groups.values()];
}

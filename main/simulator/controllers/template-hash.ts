// pod-template-hash / controller-revision-hash values as Kubernetes makes them: an FNV-32a hash
// of the pod template, printed in decimal, each digit mapped through rand.SafeEncodeString's
// alphabet (so "3565005073" reads "79b94494c7", as in `coredns-79b94494c7`).

const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

function fnv32a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function safeEncode(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += ALPHANUMS[s.charCodeAt(i) % ALPHANUMS.length];
  return out;
}

// Go hashes the typed struct, where a null, an empty map and a missing field are all the zero
// value (kubectl sends `creationTimestamp: null` in templates it copies back on `rollout undo`).
const isZero = (v: unknown): boolean =>
  v === undefined || v === null || (typeof v === 'object' && (Array.isArray(v) ? v.length === 0 : Object.values(v as object).every(isZero)));

/** Stable JSON: keys sorted, zero values dropped, so equal templates hash equally. */
function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => !isZero(o[k]))
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

export function templateHash(template: unknown, collisionCount = 0): string {
  const t = structuredClone(template) as { metadata?: { labels?: Record<string, string> } } | undefined;
  if (t?.metadata?.labels) delete t.metadata.labels['pod-template-hash'];
  return safeEncode(String(fnv32a(stable(t) + (collisionCount ? String(collisionCount) : ''))));
}

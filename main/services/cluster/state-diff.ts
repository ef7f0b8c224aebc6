import type { KubeObject } from '../../kube';
import { objectKey } from './apply-events';

// Berth's cached state against the server's: the soak test's and integration tests' verdict.
// Same keys, and for each the same uid and resourceVersion (compared for equality only).

export interface StateDifference {
  key: string;
  problem: 'missing' | 'extra' | 'stale';
  server?: string;
  berth?: string;
}

export function diffState(server: Iterable<KubeObject>, berth: ReadonlyMap<string, KubeObject>): StateDifference[] {
  const out: StateDifference[] = [];
  const seen = new Set<string>();
  for (const obj of server) {
    const key = objectKey(obj);
    seen.add(key);
    const mine = berth.get(key);
    const rv = obj.metadata?.resourceVersion;
    if (!mine) out.push({ key, problem: 'missing', ...(rv ? { server: rv } : {}) });
    else if (mine.metadata?.resourceVersion !== rv || mine.metadata?.uid !== obj.metadata?.uid) {
      out.push({ key, problem: 'stale', ...(rv ? { server: rv } : {}), ...(mine.metadata?.resourceVersion ? { berth: mine.metadata.resourceVersion } : {}) });
    }
  }
  for (const key of berth.keys()) if (!seen.has(key)) out.push({ key, problem: 'extra' });
  return out;
}

import { describe, expect, it } from 'vitest';
import { createObjectNavigation } from './object-navigation';

describe('object navigation', () => {
  it('tells subscribers about a request and keeps it until a list of that kind takes it', () => {
    const nav = createObjectNavigation();
    const seen: string[] = [];
    const stop = nav.onObjectRequested((t) => seen.push(`${t.kind}:${t.namespace}/${t.name}`));
    nav.open({ kind: 'pods', namespace: 'shop', name: 'web-1' });
    expect(seen).toEqual(['pods:shop/web-1']);
    expect(nav.take(['nodes'])).toBeNull();
    expect(nav.peek()?.name).toBe('web-1');
    expect(nav.take(['services', 'pods'])).toEqual({ kind: 'pods', namespace: 'shop', name: 'web-1' });
    // Taken once: visiting the screen again later starts without it.
    expect(nav.take(['pods'])).toBeNull();
    stop();
    nav.open({ kind: 'nodes', name: 'n1' });
    expect(seen).toHaveLength(1);
  });

  it('a newer request replaces one not taken yet', () => {
    const nav = createObjectNavigation();
    nav.open({ kind: 'pods', namespace: 'a', name: 'x' });
    nav.open({ kind: 'nodes', name: 'n2' });
    expect(nav.take(['pods'])).toBeNull();
    expect(nav.take(['nodes'])?.name).toBe('n2');
  });
});

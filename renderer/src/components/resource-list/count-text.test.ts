import { describe, expect, it } from 'vitest';
import { countText } from './count-text';

describe('countText', () => {
  it('agrees in number', () => {
    expect(countText(36, 'pods', false)).toBe('36 pods');
    expect(countText(1, 'pods', false)).toBe('1 pod');
    expect(countText(1, 'services', true)).toBe('1 service matches');
    expect(countText(0, 'nodes', true)).toBe('0 nodes match');
  });
});

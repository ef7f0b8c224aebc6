import { describe, expect, it } from 'vitest';
import { nextTab } from './next-tab';

describe('nextTab', () => {
  it('moves right and left, wrapping at both ends', () => {
    expect(nextTab('ArrowRight', 0, 3)).toBe(1);
    expect(nextTab('ArrowRight', 2, 3)).toBe(0);
    expect(nextTab('ArrowLeft', 0, 3)).toBe(2);
    expect(nextTab('ArrowLeft', 2, 3)).toBe(1);
  });
  it('jumps to the first and last tab', () => {
    expect(nextTab('Home', 2, 3)).toBe(0);
    expect(nextTab('End', 0, 3)).toBe(2);
  });
  it('ignores other keys and empty lists', () => {
    expect(nextTab('Enter', 1, 3)).toBeNull();
    expect(nextTab('ArrowRight', 0, 0)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { nextActiveRow } from './grid-keys';

describe('nextActiveRow', () => {
  it('moves one row with the arrows and stops at the ends', () => {
    expect(nextActiveRow('ArrowDown', 3, 10, 5)).toBe(4);
    expect(nextActiveRow('ArrowUp', 3, 10, 5)).toBe(2);
    expect(nextActiveRow('ArrowDown', 9, 10, 5)).toBe(9);
    expect(nextActiveRow('ArrowUp', 0, 10, 5)).toBe(0);
  });

  it('starts at the first row when nothing is active yet', () => {
    expect(nextActiveRow('ArrowDown', -1, 10, 5)).toBe(0);
    expect(nextActiveRow('ArrowUp', -1, 10, 5)).toBe(0);
    expect(nextActiveRow('PageDown', -1, 10, 5)).toBe(4);
  });

  it('moves a page less one row, so the last visible row stays in view', () => {
    expect(nextActiveRow('PageDown', 0, 100, 20)).toBe(19);
    expect(nextActiveRow('PageUp', 50, 100, 20)).toBe(31);
    expect(nextActiveRow('PageUp', 5, 100, 20)).toBe(0);
    expect(nextActiveRow('PageDown', 95, 100, 20)).toBe(99);
  });

  it('jumps to the ends with Home and End', () => {
    expect(nextActiveRow('Home', 50, 100, 20)).toBe(0);
    expect(nextActiveRow('End', 50, 100, 20)).toBe(99);
  });

  it('clamps a stale active row after the list shrank', () => {
    expect(nextActiveRow('ArrowUp', 50, 10, 5)).toBe(8);
  });

  it('ignores other keys and empty lists', () => {
    expect(nextActiveRow('a', 1, 10, 5)).toBeNull();
    expect(nextActiveRow('Enter', 1, 10, 5)).toBeNull();
    expect(nextActiveRow('ArrowDown', 0, 0, 5)).toBeNull();
  });
});

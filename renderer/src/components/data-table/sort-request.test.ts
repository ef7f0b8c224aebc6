import { describe, expect, it } from 'vitest';
import { ariaSort, nextSort } from './sort-request';

describe('nextSort', () => {
  it('flips the direction when the sorted column is clicked again', () => {
    expect(nextSort({ column: 'name', direction: 'asc' }, 'name')).toEqual({ column: 'name', direction: 'desc' });
    expect(nextSort({ column: 'name', direction: 'desc' }, 'name')).toEqual({ column: 'name', direction: 'asc' });
  });

  it('sorts a newly clicked column ascending', () => {
    expect(nextSort({ column: 'name', direction: 'desc' }, 'restarts')).toEqual({ column: 'restarts', direction: 'asc' });
  });
});

describe('ariaSort', () => {
  it('marks only the sorted column', () => {
    const sort = { column: 'age', direction: 'desc' } as const;
    expect(ariaSort(sort, 'age')).toBe('descending');
    expect(ariaSort({ ...sort, direction: 'asc' }, 'age')).toBe('ascending');
    expect(ariaSort(sort, 'name')).toBeUndefined();
  });
});

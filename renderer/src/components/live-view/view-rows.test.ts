import { describe, expect, it } from 'vitest';
import type { PodRow, ViewUpdate } from '../../../../main/contract';
import { applyViewUpdate, emptyViewRows, findRow, rowAt, type ViewRows } from './view-rows';

const pod = (i: number): PodRow => ({
  kind: 'pods',
  uid: `u${i}`,
  name: `pod-${i}`,
  namespace: 'default',
  labels: {},
  ready: '1/1',
  status: 'Running',
  restarts: '0',
  ips: [],
  node: 'n1',
  problem: false,
  terminating: false,
});
const update = (offset: number, count: number, total: number, extra: Partial<ViewUpdate> = {}): ViewUpdate => ({
  viewId: 'v',
  kind: 'pods',
  total,
  offset,
  rows: Array.from({ length: count }, (_, k) => pod(offset + k)),
  loading: false,
  ...extra,
});

describe('view rows', () => {
  it('holds the window main sent and answers by list position', () => {
    const state = applyViewUpdate(emptyViewRows as ViewRows<PodRow>, update(100, 50, 1000));
    expect(state.total).toBe(1000);
    expect(rowAt(state, 100)?.name).toBe('pod-100');
    expect(rowAt(state, 149)?.name).toBe('pod-149');
    expect(rowAt(state, 99)).toBeUndefined();
    expect(rowAt(state, 150)).toBeUndefined();
  });

  it('replaces the window on the next update (rows outside it become placeholders)', () => {
    let state = applyViewUpdate(emptyViewRows as ViewRows<PodRow>, update(0, 50, 1000));
    state = applyViewUpdate(state, update(500, 50, 1000));
    expect(rowAt(state, 10)).toBeUndefined();
    expect(rowAt(state, 510)?.name).toBe('pod-510');
  });

  it('never answers past the total, even if the window is longer', () => {
    const state = applyViewUpdate(emptyViewRows as ViewRows<PodRow>, { ...update(0, 50, 50), total: 40 });
    expect(rowAt(state, 45)).toBeUndefined();
  });

  it('keeps the rows when main reports an error, and clears the error on the next good update', () => {
    let state = applyViewUpdate(emptyViewRows as ViewRows<PodRow>, update(0, 10, 10));
    state = applyViewUpdate(state, { ...update(0, 0, 0), error: { message: 'refused' } });
    expect(state.total).toBe(10);
    expect(state.error?.message).toBe('refused');
    expect(rowAt(state, 3)?.name).toBe('pod-3');
    state = applyViewUpdate(state, update(0, 5, 5));
    expect(state.error).toBeUndefined();
    expect(state.total).toBe(5);
  });

  it('finds a row by uid within the window', () => {
    const state = applyViewUpdate(emptyViewRows as ViewRows<PodRow>, update(0, 10, 10));
    expect(findRow(state, 'u7')?.name).toBe('pod-7');
    expect(findRow(state, 'nope')).toBeUndefined();
  });
});

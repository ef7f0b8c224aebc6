import { describe, expect, it } from 'vitest';
import type { LogBatch } from '../../contract';
import { LogBatcher, MAX_BATCH_LINES, WINDOW_LINES } from './log-batcher';

function harness() {
  const batches: Array<Omit<LogBatch, 'streamId'>> = [];
  let timer: (() => void) | undefined;
  const b = new LogBatcher({
    emit: (x) => batches.push(x),
    setTimer: (fn) => {
      timer = fn;
      return 1;
    },
    clearTimer: () => (timer = undefined),
  });
  const tick = (): void => {
    const t = timer;
    timer = undefined;
    t?.();
  };
  return { b, batches, tick };
}

describe('LogBatcher', () => {
  it('gathers lines until the timer, keeping arrival order and tagging runs by source', () => {
    const { b, batches, tick } = harness();
    const web = b.source('web-1', 'nginx');
    const api = b.source('api-1', 'app');
    expect(b.source('web-1', 'nginx')).toBe(web);
    b.push(web, 'a');
    b.push(web, 'b');
    b.push(api, 'c');
    b.push(web, 'd');
    expect(batches).toHaveLength(0);
    tick();
    expect(batches).toEqual([
      {
        sources: [
          { pod: 'web-1', container: 'nginx' },
          { pod: 'api-1', container: 'app' },
        ],
        segments: [
          { source: web, lines: ['a', 'b'] },
          { source: api, lines: ['c'] },
          { source: web, lines: ['d'] },
        ],
        dropped: 0,
      },
    ]);
  });

  it('sends at once when a batch is full', () => {
    const { b, batches } = harness();
    const s = b.source('p', 'c');
    for (let i = 0; i < MAX_BATCH_LINES; i++) b.push(s, `line ${i}`);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.segments[0]!.lines).toHaveLength(MAX_BATCH_LINES);
  });

  it('drops and counts lines beyond the unacknowledged window, and resumes after an ack', () => {
    const { b, batches, tick } = harness();
    const s = b.source('p', 'c');
    for (let i = 0; i < WINDOW_LINES + 10; i++) b.push(s, 'x');
    tick();
    const sent = batches.reduce((n, x) => n + x.segments.reduce((m, g) => m + g.lines.length, 0), 0);
    const dropped = batches.reduce((n, x) => n + x.dropped, 0);
    expect(sent).toBe(WINDOW_LINES);
    expect(dropped).toBe(10);
    expect(b.inFlight).toBe(WINDOW_LINES);
    b.ack(WINDOW_LINES);
    b.push(s, 'after');
    tick();
    expect(batches.at(-1)!.segments[0]!.lines).toEqual(['after']);
    expect(batches.at(-1)!.dropped).toBe(0);
  });

  it('close sends what is pending and takes no more', () => {
    const { b, batches, tick } = harness();
    const s = b.source('p', 'c');
    b.push(s, 'last');
    b.close();
    b.push(s, 'late');
    tick();
    expect(batches).toHaveLength(1);
    expect(batches[0]!.segments[0]!.lines).toEqual(['last']);
  });
});

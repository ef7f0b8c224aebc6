import { describe, expect, it } from 'vitest';
import { appendBatch, bufferNotes, downloadText, emptyBuffer } from './log-buffer';
import { highlightParts, matchingLines, stepMatch } from './log-search';
import { shortPodName, tagHue } from './pod-tag';

const batch = (lines: string[], source = 0, dropped = 0) => ({ sources: [{ pod: 'web-1', container: 'nginx' }, { pod: 'web-2', container: 'nginx' }], segments: [{ source, lines }], dropped });

describe('log buffer', () => {
  it('keeps at most max lines (trimming in chunks), counts what it let go and what main skipped', () => {
    const b = emptyBuffer();
    let acked = 0;
    for (let i = 0; i < 30; i++) acked += appendBatch(b, batch([`a${i}`, `b${i}`]), 20, 5);
    expect(acked).toBe(60);
    expect(b.lines.length).toBeLessThanOrEqual(25);
    expect(b.lines.length).toBeGreaterThanOrEqual(20);
    expect(b.trimmed + b.lines.length).toBe(60);
    expect(b.lines.at(-1)!.text).toBe('b29');
    appendBatch(b, batch(['after-gap'], 1, 7), 20, 5);
    expect(b.skipped).toBe(7);
    expect(b.lines.at(-1)).toMatchObject({ text: 'after-gap', source: 1, seq: 67 });
    expect(bufferNotes(b)).toHaveLength(2);
    expect(bufferNotes(b)[0]).toMatch(/older lines dropped/);
    expect(bufferNotes(b)[1]).toMatch(/^7 lines skipped/);
  });

  it('downloads what is shown, tagged with the pod for a workload', () => {
    const b = emptyBuffer();
    appendBatch(b, batch(['one']));
    appendBatch(b, batch(['two'], 1));
    expect(downloadText(b, false)).toBe('one\ntwo\n');
    expect(downloadText(b, true)).toBe('[web-1] one\n[web-2] two\n');
    expect(bufferNotes(b)).toEqual([]);
  });
});

describe('log search', () => {
  it('highlights every case-insensitive occurrence', () => {
    expect(highlightParts('GET /a get /b', 'get')).toEqual([
      { text: 'GET', match: true },
      { text: ' /a ', match: false },
      { text: 'get', match: true },
      { text: ' /b', match: false },
    ]);
    expect(highlightParts('nothing', 'x')).toEqual([{ text: 'nothing', match: false }]);
    expect(highlightParts('', '')).toEqual([{ text: '', match: false }]);
  });

  it('finds matching lines and steps through them with wrap-around', () => {
    expect(matchingLines([{ text: 'error: a' }, { text: 'ok' }, { text: 'ERROR b' }], 'error')).toEqual([0, 2]);
    expect(stepMatch(3, -1, true)).toBe(0);
    expect(stepMatch(3, 2, true)).toBe(0);
    expect(stepMatch(3, 0, false)).toBe(2);
    expect(stepMatch(0, 0, true)).toBe(-1);
  });
});

describe('pod tags', () => {
  it('short names keep what differs between replicas; colours are stable', () => {
    const pods = ['checkout-7d9f8b6c5-abcde', 'checkout-7d9f8b6c5-fghij'];
    expect(shortPodName(pods[0]!, pods)).toBe('abcde');
    expect(shortPodName('web', ['web', 'web-2'])).toBe('web');
    expect(tagHue('a')).toBe(tagHue('a'));
  });
});

import { describe, expect, it } from 'vitest';
import { WRITE_PIECE, writeInPieces } from './write-in-pieces';

function recordingTerminal() {
  const writes: Array<{ length: number; last: boolean }> = [];
  let all = '';
  const decoder = new TextDecoder();
  return {
    writes,
    text: () => all,
    term: {
      write(data: Uint8Array | string, callback?: () => void) {
        all += typeof data === 'string' ? data : decoder.decode(data, { stream: true });
        writes.push({ length: data.length, last: callback !== undefined });
      },
    },
  };
}

describe('writeInPieces', () => {
  it('writes small output in one piece', () => {
    const t = recordingTerminal();
    writeInPieces(t.term, 'hello', () => undefined);
    expect(t.writes).toEqual([{ length: 5, last: true }]);
  });

  it('splits large output into pieces, in order, with the callback on the last only', () => {
    const t = recordingTerminal();
    const text = '✓'.repeat(WRITE_PIECE);
    writeInPieces(t.term, new TextEncoder().encode(text), () => undefined);
    expect(t.writes.map((w) => w.length)).toEqual([WRITE_PIECE, WRITE_PIECE, WRITE_PIECE]);
    expect(t.writes.map((w) => w.last)).toEqual([false, false, true]);
    // The decoder (as xterm's does) keeps characters split between pieces whole.
    expect(t.text()).toBe(text);
  });
});

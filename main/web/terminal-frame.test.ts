import { describe, expect, it } from 'vitest';
import { encodeTerminalOutput, sendTerminalOutput, terminalOutputHeader } from './terminal-frame';

describe('terminal output frames', () => {
  it('sends kind, id length and id, then the bytes untouched, as two fragments of one binary message', () => {
    const sent: Array<{ bytes: number[]; fin: boolean }> = [];
    const data = Uint8Array.from([0xe2, 0x9c, 0x93, 0x0a]);
    sendTerminalOutput({ send: (bytes, { fin }) => void sent.push({ bytes: [...bytes], fin }) }, { sessionId: 'ab', data });
    // The same bytes the page's decoder test reads (renderer/src/api/terminal-frame.test.ts).
    expect(sent).toEqual([
      { bytes: [1, 2, 0x61, 0x62], fin: false },
      { bytes: [0xe2, 0x9c, 0x93, 0x0a], fin: true },
    ]);
  });

  it('encodes the same message in one buffer', () => {
    expect([...encodeTerminalOutput({ sessionId: 'ab', data: Uint8Array.from([0x78]) })]).toEqual([1, 2, 0x61, 0x62, 0x78]);
  });

  it('marks the terminal state (replace: all, screen) by its kind byte', () => {
    expect([...encodeTerminalOutput({ sessionId: 'ab', data: Uint8Array.from([0x78]), replace: 'all' })]).toEqual([2, 2, 0x61, 0x62, 0x78]);
    expect([...encodeTerminalOutput({ sessionId: 'ab', data: Uint8Array.from([0x78]), replace: 'screen' })]).toEqual([3, 2, 0x61, 0x62, 0x78]);
  });

  it('refuses a session id that does not fit', () => {
    expect(() => terminalOutputHeader('x'.repeat(256))).toThrow(/does not fit/);
  });
});

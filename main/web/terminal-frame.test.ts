import { describe, expect, it } from 'vitest';
import { encodeTerminalOutput } from './terminal-frame';

describe('encodeTerminalOutput', () => {
  it('lays out kind, id length, id and the bytes untouched', () => {
    const frame = encodeTerminalOutput({ sessionId: 'ab', data: Uint8Array.from([0xe2, 0x9c, 0x93, 0x0a]) });
    // The same bytes the page's decoder test reads (renderer/src/api/terminal-frame.test.ts).
    expect([...frame]).toEqual([1, 2, 0x61, 0x62, 0xe2, 0x9c, 0x93, 0x0a]);
  });

  it('refuses a session id that does not fit', () => {
    expect(() => encodeTerminalOutput({ sessionId: 'x'.repeat(256), data: new Uint8Array() })).toThrow(/does not fit/);
  });
});

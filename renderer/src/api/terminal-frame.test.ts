import { describe, expect, it } from 'vitest';
import { decodeTerminalOutput } from './terminal-frame';

const frame = (...bytes: number[]) => Uint8Array.from(bytes).buffer;

describe('decodeTerminalOutput', () => {
  it("reads main's layout: kind, id length, id, the bytes untouched", () => {
    // The same bytes the encoder's test writes (main/web/terminal-frame.test.ts).
    const decoded = decodeTerminalOutput(frame(1, 2, 0x61, 0x62, 0xe2, 0x9c, 0x93, 0x0a));
    expect(decoded?.sessionId).toBe('ab');
    expect([...(decoded?.data ?? [])]).toEqual([0xe2, 0x9c, 0x93, 0x0a]);
    expect(decoded?.replace).toBeUndefined();
  });

  it('reads the terminal state kinds as replace: all, screen', () => {
    expect(decodeTerminalOutput(frame(2, 2, 0x61, 0x62, 0x78))).toEqual({ sessionId: 'ab', data: Uint8Array.from([0x78]), replace: 'all' });
    expect(decodeTerminalOutput(frame(3, 2, 0x61, 0x62, 0x78))).toEqual({ sessionId: 'ab', data: Uint8Array.from([0x78]), replace: 'screen' });
  });

  it('refuses other kinds, a truncated id, an empty id and an id that is not UTF-8', () => {
    expect(decodeTerminalOutput(frame(4, 1, 0x61, 0x62))).toBeUndefined();
    expect(decodeTerminalOutput(frame(1, 5, 0x61, 0x62))).toBeUndefined();
    expect(decodeTerminalOutput(frame(1, 0, 0x61, 0x62))).toBeUndefined();
    expect(decodeTerminalOutput(frame(1, 1, 0xff, 0x62))).toBeUndefined();
    expect(decodeTerminalOutput(frame(1))).toBeUndefined();
  });
});

import type { TerminalOutput } from '../contract';

/**
 * `terminal.output` travels in binary WebSocket frames rather than JSON: a JSON string would make
 * main decode the PTY's bytes to text, escape them, and the page parse them back, for every byte
 * of a fast printer. Layout (the page's decoder, renderer/src/api/terminal-frame.ts, checks it):
 *
 *   byte 0        TERMINAL_OUTPUT_FRAME (the only binary frame kind so far)
 *   byte 1        n, the length of the session id in bytes (1..255)
 *   bytes 2..2+n  the session id (UTF-8)
 *   the rest      the output bytes
 *
 * Everything else (call results, other events) stays JSON text frames.
 */
export const TERMINAL_OUTPUT_FRAME = 1;

export function encodeTerminalOutput({ sessionId, data }: TerminalOutput): Buffer {
  const id = Buffer.from(sessionId, 'utf8');
  if (id.length < 1 || id.length > 255) throw new Error(`session id of ${id.length} bytes does not fit a terminal frame`);
  const frame = Buffer.allocUnsafe(2 + id.length + data.length);
  frame[0] = TERMINAL_OUTPUT_FRAME;
  frame[1] = id.length;
  id.copy(frame, 2);
  frame.set(data, 2 + id.length);
  return frame;
}

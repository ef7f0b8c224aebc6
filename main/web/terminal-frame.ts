import type { TerminalOutput } from '../contract';

/**
 * `terminal.output` travels in binary WebSocket messages rather than JSON: a JSON string would
 * make main decode the PTY's bytes to text, escape them, and the page parse them back, for every
 * byte of a fast printer. Layout (the page's decoder, renderer/src/api/terminal-frame.ts, checks it):
 *
 *   byte 0        TERMINAL_OUTPUT_FRAME, or the terminal's state (`replace`): TERMINAL_STATE_FRAME
 *                 (all of it), TERMINAL_SCREEN_FRAME (the screen only)
 *   byte 1        n, the length of the session id in bytes (1..255)
 *   bytes 2..2+n  the session id (UTF-8)
 *   the rest      the output bytes
 *
 * Everything else (call results, other events) stays JSON text messages.
 */
export const TERMINAL_OUTPUT_FRAME = 1;
export const TERMINAL_STATE_FRAME = 2;
export const TERMINAL_SCREEN_FRAME = 3;

/** Kind, id length and id: what goes in front of the output bytes. */
export function terminalOutputHeader(sessionId: string, replace?: TerminalOutput['replace']): Buffer {
  const id = Buffer.from(sessionId, 'utf8');
  if (id.length < 1 || id.length > 255) throw new Error(`session id of ${id.length} bytes does not fit a terminal frame`);
  const header = Buffer.allocUnsafe(2 + id.length);
  header[0] = replace === 'all' ? TERMINAL_STATE_FRAME : replace === 'screen' ? TERMINAL_SCREEN_FRAME : TERMINAL_OUTPUT_FRAME;
  header[1] = id.length;
  id.copy(header, 2);
  return header;
}

/** The whole message in one buffer (for a test page that answers in place of the web host). */
export function encodeTerminalOutput({ sessionId, data, replace }: TerminalOutput): Buffer {
  return Buffer.concat([terminalOutputHeader(sessionId, replace), data]);
}

/** What sendTerminalOutput needs of a `ws` WebSocket. */
export interface FragmentSocket {
  send(data: Uint8Array, options: { binary: true; fin: boolean }): void;
}

/**
 * Sends one `terminal.output` message as two WebSocket fragments, the header and then the output
 * bytes as they are: the page receives one message, and main never copies the batch into a frame
 * of its own (a 256 KB allocation and copy per batch, ~10% of main's CPU in the throughput bench).
 * The web host sends nothing compressed, so the two fragments go out back to back.
 */
export function sendTerminalOutput(socket: FragmentSocket, { sessionId, data, replace }: TerminalOutput): void {
  socket.send(terminalOutputHeader(sessionId, replace), { binary: true, fin: false });
  socket.send(data, { binary: true, fin: true });
}

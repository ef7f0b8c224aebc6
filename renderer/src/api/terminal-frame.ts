import type { TerminalOutput } from '../../../main/contract';

/**
 * Reads the web host's binary frame for `terminal.output` (main/web/terminal-frame.ts writes it):
 * kind byte (1 output; the terminal's state, `replace`: 2 all of it, 3 the screen), session id length n (1..255), the id,
 * then the bytes. The page checks what crosses the boundary too: anything else is refused
 * (undefined), never half-read.
 */
const TERMINAL_OUTPUT_FRAME = 1;
const TERMINAL_STATE_FRAME = 2;
const TERMINAL_SCREEN_FRAME = 3;
const ids = new TextDecoder('utf-8', { fatal: true });

export function decodeTerminalOutput(frame: ArrayBuffer): TerminalOutput | undefined {
  const bytes = new Uint8Array(frame);
  const kind = bytes[0];
  if (bytes.length < 3 || (kind !== TERMINAL_OUTPUT_FRAME && kind !== TERMINAL_STATE_FRAME && kind !== TERMINAL_SCREEN_FRAME)) return undefined;
  const idLength = bytes[1] as number;
  if (idLength < 1 || 2 + idLength > bytes.length) return undefined;
  let sessionId: string;
  try {
    sessionId = ids.decode(bytes.subarray(2, 2 + idLength));
  } catch {
    return undefined;
  }
  // A view, not a copy: xterm.js reads it once.
  const data = bytes.subarray(2 + idLength);
  if (kind === TERMINAL_OUTPUT_FRAME) return { sessionId, data };
  return { sessionId, data, replace: kind === TERMINAL_STATE_FRAME ? 'all' : 'screen' };
}

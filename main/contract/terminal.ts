import { z } from 'zod';
import { call, event } from './define';

/**
 * Terminal sessions: a PTY in main (an install step) shown by xterm.js in the page. Main keeps each
 * session's terminal state (a headless xterm.js). A page attaches to a session when a terminal view
 * shows it: it gets that state, then every batch of live output, until it detaches or goes away.
 * Output travels as bytes (xterm.js decodes UTF-8 itself; the web host sends it in binary frames).
 * It is batched in main and paced by acknowledgement, per attached page: a page acks the bytes it
 * has parsed (from xterm's write callback); a page too far behind gets no more batches until it has
 * caught up, then the terminal's state in place of what it skipped (`replace`). The command never
 * waits for a page.
 */
export const sessionId = z.string().min(1).max(100);

export const terminalCalls = {
  /** What the person typed. Never logged. */
  'terminal.input': call(z.object({ sessionId, data: z.string().max(64 * 1024) }).strict(), z.object({ accepted: z.boolean() })),
  'terminal.resize': call(
    z.object({ sessionId, cols: z.number().int().min(2).max(1000), rows: z.number().int().min(1).max(500) }).strict(),
    z.object({ resized: z.boolean() }),
  ),
  /** Bytes of `terminal.output` the page has finished parsing (xterm.write's callback). */
  'terminal.ack': call(z.object({ sessionId, bytes: z.number().int().min(0).max(1e12) }).strict(), z.object({})),
  /**
   * Shows a session in this page: answers with the terminal's state (what a fresh terminal writes
   * to show the screen and its history; `truncated` when the start of the output is no longer in
   * that history), then sends it each batch of output that follows.
   */
  'terminal.attach': call(z.object({ sessionId }).strict(), z.object({ data: z.string(), truncated: z.boolean() })),
  /** This page stops showing the session: no more output to it, and it no longer paces the PTY. */
  'terminal.detach': call(z.object({ sessionId }).strict(), z.object({})),
};

/** Any Uint8Array (a Node Buffer in main, a view on a WebSocket frame or an IPC copy in the page). */
const outputBytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, { message: 'terminal output must be bytes' });
export const terminalOutput = z.object({
  sessionId,
  data: outputBytes,
  /**
   * The data is the terminal's state, to show in place of everything before it (the page fell
   * behind): `all` its history and screen (the page starts afresh), `screen` the screen only (while
   * output keeps coming; the page keeps its history until an `all` state follows).
   */
  replace: z.enum(['all', 'screen']).optional(),
});
export const terminalExit = z.object({ sessionId, exitCode: z.number().int().nullable(), signal: z.string().nullable() });

export const terminalEvents = {
  /**
   * A batch of a session's output (UTF-8 bytes, never ending inside a character), or with `replace`
   * the terminal's state, to one attached page.
   */
  'terminal.output': event(terminalOutput),
  'terminal.exit': event(terminalExit),
};

export type TerminalOutput = z.infer<typeof terminalOutput>;
export type TerminalExit = z.infer<typeof terminalExit>;

import { z } from 'zod';
import { call, event } from './define';

/**
 * Terminal sessions: a PTY in main (an install step, later a pod shell) shown by xterm.js in the
 * page. Output is batched in main and flow-controlled by acknowledgement: the page acks the
 * characters it has parsed (from xterm's write callback) and main pauses the PTY while too many
 * are unacknowledged.
 */
export const sessionId = z.string().min(1).max(100);

export const terminalCalls = {
  /** What the person typed. Never logged. */
  'terminal.input': call(z.object({ sessionId, data: z.string().max(64 * 1024) }).strict(), z.object({ accepted: z.boolean() })),
  'terminal.resize': call(
    z.object({ sessionId, cols: z.number().int().min(2).max(1000), rows: z.number().int().min(1).max(500) }).strict(),
    z.object({ resized: z.boolean() }),
  ),
  /** Characters the page has finished parsing (xterm.write's callback). */
  'terminal.ack': call(z.object({ sessionId, chars: z.number().int().min(0).max(1e9) }).strict(), z.object({})),
  /** Everything the session printed so far (bounded), for a page that attaches late or reloads. */
  'terminal.replay': call(z.object({ sessionId }).strict(), z.object({ data: z.string(), truncated: z.boolean() })),
};

export const terminalOutput = z.object({ sessionId, data: z.string() });
export const terminalExit = z.object({ sessionId, exitCode: z.number().int().nullable(), signal: z.string().nullable() });

export const terminalEvents = {
  'terminal.output': event(terminalOutput),
  'terminal.exit': event(terminalExit),
};

export type TerminalOutput = z.infer<typeof terminalOutput>;
export type TerminalExit = z.infer<typeof terminalExit>;

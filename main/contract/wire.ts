import { z } from 'zod';
import type { Envelope } from './errors';

/** Frames of the web host's WebSocket. Frames from the page are validated like any other input. */
export const clientFrame = z.object({
  type: z.literal('call'),
  id: z.number().int().nonnegative(),
  channel: z.string().max(200),
  payload: z.unknown(),
});
export type ClientFrame = z.infer<typeof clientFrame>;

export type ServerFrame =
  | { type: 'result'; id: number; envelope: Envelope<unknown> }
  | { type: 'event'; event: string; payload: unknown };

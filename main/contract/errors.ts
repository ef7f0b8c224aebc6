import { z } from 'zod';

/** How an error crosses the boundary: a plain object, rethrown as ApiError on the renderer side (renderer/src/api/api-error.ts). */
export const errorPayload = z.object({
  name: z.string(),
  message: z.string(),
  /** Machine-readable reason, e.g. `invalid-request`, `unknown-call`, `unauthorized`. */
  code: z.string().optional(),
  /** What the person can do next, when we know. */
  hint: z.string().optional(),
});
export type ErrorPayload = z.infer<typeof errorPayload>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

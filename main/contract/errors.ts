import { z } from 'zod';

/** How an error crosses the boundary: a plain object, rethrown as BerthError on the renderer side. */
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

export class BerthError extends Error {
  readonly code: string | undefined;
  readonly hint: string | undefined;
  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.name = payload.name;
    this.code = payload.code;
    this.hint = payload.hint;
  }
}

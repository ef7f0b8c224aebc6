import type { ErrorPayload } from '../../../main/contract/errors';

/** An error from main, rethrown in the page with its code and the hint on what to do next. */
export class ApiError extends Error {
  readonly code: string | undefined;
  readonly hint: string | undefined;
  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.name = payload.name;
    this.code = payload.code;
    this.hint = payload.hint;
  }
}

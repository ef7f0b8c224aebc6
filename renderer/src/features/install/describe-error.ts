/** An error from a call, as the words to show: what happened and, when main knows, what to do next. */
export interface ShownError {
  message: string;
  hint?: string | undefined;
}

export function describeError(error: unknown): ShownError {
  if (error instanceof Error) {
    const hint = (error as { hint?: unknown }).hint;
    return { message: error.message, hint: typeof hint === 'string' && hint !== '' ? hint : undefined };
  }
  return { message: String(error) };
}

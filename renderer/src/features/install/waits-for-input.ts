/**
 * Whether a terminal's latest output is a prompt waiting for the person, e.g. sudo's
 * `[sudo] password for ann: ` (the exact text depends on sudo's configuration and locale).
 * Looks at the last line only, with colour and cursor sequences removed.
 */
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07]*(\x07|\x1b\\)|\x1b[@-Z\\-_]/g;
const PROMPTS = [/password for [^:\n]*:\s*$/i, /^\[sudo\][^\n]*:\s*$/i, /^password:\s*$/i, /passphrase[^:\n]*:\s*$/i];

export function waitsForInput(tail: string): boolean {
  const text = tail.replace(ANSI, '');
  const lastLine = text.split(/\r\n|\r|\n/).pop() ?? '';
  return PROMPTS.some((p) => p.test(lastLine));
}

/** Keeps the end of a session's output, enough to hold one prompt line. */
export function appendTail(tail: string, data: string, keep = 400): string {
  const next = tail + data;
  return next.length > keep ? next.slice(next.length - keep) : next;
}

/**
 * node-pty on Linux can drop the last few kilobytes a command prints right before it exits
 * (microsoft/node-pty#72, #726): the slave side closes before the master has read everything. Steps
 * whose output Berth reads (status, join commands, tokens) must not lose their tail, so a step runs
 * under a small wrapper that, after the command, prints an end marker carrying the exit code and
 * waits for a line on its terminal. Output arrives in order, so once main sees the marker it has
 * read everything before it; main then sends the line and the wrapper exits.
 */
export const EXIT_MARKER_PREFIX = '\u001b]7770;berth-exit;';
// eslint-disable-next-line no-control-regex -- the marker is an escape sequence by design
const MARKER = /\u001b\]7770;berth-exit;(\d{1,3})\u0007/;

/** argv that runs `argv` under the wrapper (POSIX sh; `read` sees the line main sends). */
export function withExitHandshake(argv: readonly string[]): string[] {
  const script = [
    '"$@"',
    'code=$?',
    // Canonical mode (a crashed full-screen command may have left it raw, and `read` would then
    // never see a line end), and no echo of the line main sends.
    'stty sane -echo 2>/dev/null',
    `printf '\\033]7770;berth-exit;%s\\007' "$code"`,
    'read -r _',
    'exit "$code"',
  ].join('; ');
  return ['/bin/sh', '-c', script, 'berth-step', ...argv];
}

/** Finds the marker in a PTY's output, even split across chunks, and takes it out of the text. */
export class ExitMarkerScanner {
  private carry = '';
  exitCode: number | undefined;

  /** Returns the text to pass on (marker removed); `exitCode` is set once the marker was seen. */
  scan(chunk: string): string {
    if (this.exitCode !== undefined) return chunk;
    const text = this.carry + chunk;
    const found = MARKER.exec(text);
    if (found) {
      this.carry = '';
      this.exitCode = Number(found[1]);
      return text.slice(0, found.index) + text.slice(found.index + found[0].length);
    }
    // Hold back a possible start of the marker until the next chunk says whether it is one.
    const start = text.lastIndexOf('\u001b');
    if (start >= 0 && couldBeMarkerStart(text.slice(start))) {
      this.carry = text.slice(start);
      return text.slice(0, start);
    }
    this.carry = '';
    return text;
  }

  /** Whatever was held back, when the stream ends without a marker. */
  flush(): string {
    const rest = this.carry;
    this.carry = '';
    return rest;
  }
}

function couldBeMarkerStart(tail: string): boolean {
  if (tail.length <= EXIT_MARKER_PREFIX.length) return EXIT_MARKER_PREFIX.startsWith(tail);
  return tail.startsWith(EXIT_MARKER_PREFIX) && /^\d{0,3}$/.test(tail.slice(EXIT_MARKER_PREFIX.length));
}

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

const PREFIX_BYTES = Buffer.from(EXIT_MARKER_PREFIX, 'latin1');
/** The longest marker: prefix, three digits, BEL. */
const MARKER_MAX_BYTES = PREFIX_BYTES.length + 4;

/**
 * Finds the marker in a PTY's output, even split across chunks, and takes it out. Works on bytes
 * (output is not decoded in main); the marker is ASCII, so a byte search finds it.
 */
export class ExitMarkerScanner {
  private carry: Buffer | undefined;
  exitCode: number | undefined;

  /** Returns the bytes to pass on (marker removed); `exitCode` is set once the marker was seen. */
  scan(chunk: Buffer): Buffer {
    if (this.exitCode !== undefined) return chunk;
    const bytes = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = undefined;
    for (let at = bytes.indexOf(PREFIX_BYTES); at >= 0; at = bytes.indexOf(PREFIX_BYTES, at + 1)) {
      const found = MARKER.exec(bytes.subarray(at, at + MARKER_MAX_BYTES).toString('latin1'));
      if (found?.index === 0) {
        this.exitCode = Number(found[1]);
        return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + found[0].length)]);
      }
    }
    // Hold back a possible start of the marker until the next chunk says whether it is one.
    const tailStart = Math.max(0, bytes.length - MARKER_MAX_BYTES);
    const escape = bytes.lastIndexOf(0x1b);
    if (escape >= tailStart && couldBeMarkerStart(bytes.subarray(escape).toString('latin1'))) {
      this.carry = Buffer.from(bytes.subarray(escape));
      return bytes.subarray(0, escape);
    }
    return bytes;
  }

  /** Whatever was held back, when the stream ends without a marker. */
  flush(): Buffer {
    const rest = this.carry ?? Buffer.alloc(0);
    this.carry = undefined;
    return rest;
  }
}

function couldBeMarkerStart(tail: string): boolean {
  if (tail.length <= EXIT_MARKER_PREFIX.length) return EXIT_MARKER_PREFIX.startsWith(tail);
  return tail.startsWith(EXIT_MARKER_PREFIX) && /^\d{0,3}$/.test(tail.slice(EXIT_MARKER_PREFIX.length));
}

import type { Terminal } from '@xterm/xterm';

/**
 * The largest piece handed to xterm.js in one `write`. xterm parses each write whole and only
 * checks the clock between writes (it yields to the page after ~12 ms), so a 256 KB batch is one
 * task of its own: in the throughput bench on a busy machine such a task ran 241 ms. Pieces of
 * 32 KB keep every task short; xterm keeps a character split between pieces whole.
 */
export const WRITE_PIECE = 32 * 1024;

/** Writes `data` to the terminal in pieces; `parsed` runs once xterm has parsed all of it. */
export function writeInPieces(term: Pick<Terminal, 'write'>, data: Uint8Array | string, parsed?: () => void): void {
  const length = data.length;
  if (length <= WRITE_PIECE) {
    term.write(data, parsed);
    return;
  }
  for (let start = 0; start < length; start += WRITE_PIECE) {
    const end = Math.min(start + WRITE_PIECE, length);
    const piece = typeof data === 'string' ? data.slice(start, end) : data.subarray(start, end);
    // xterm parses writes in order: the last piece's callback means all of it is parsed.
    term.write(piece, end === length ? parsed : undefined);
  }
}
